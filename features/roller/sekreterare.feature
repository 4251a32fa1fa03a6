# language: sv
@DVM-09
Egenskap: Sekreteraren bokar och läser, vårdpersonalen möter
  En medicinsk sekreterare bokar möten, skickar påminnelser och följer väntrum och kö,
  men släpper inte in, tar inga ärenden och avslutar inga besök: det gör den som möter patienten.
  Skrivna enbart ur docs/vocabulary.md (nya mottagningar, roller och ordningar).

  @kritisk @DVM-01 @video
  Scenario: Sekreteraren bokar ett videomöte och vårdpersonalen tar emot patienten
    Givet att sekreteraren arbetar på Vårdcentralen Majorna
    Och att vårdpersonalen arbetar på Vårdcentralen Majorna
    Och att sekreteraren har bokat ett videomöte med patienten på Vårdcentralen Majorna
    När patienten öppnar länken i kallelsen och loggar in med BankID
    Och patienten checkar in i väntrummet
    Så ser patienten ingen bild från personalen innan hen släpps in
    Och ser sekreteraren att patienten väntar i väntrummet
    Och kan sekreteraren inte släppa in patienten
    När vårdpersonalen släpper in patienten
    Så ser patienten att mötet pågår
    Och kan sekreteraren inte avsluta besöket
    När vårdpersonalen avslutar besöket
    Så ser både patienten och vårdpersonalen att besöket är avslutat
    Och kan patienten inte längre skriva i chatten

  @hog @DVM-14
  Scenario: Sekreteraren påminner den andra patienten om ett chattmöte
    Givet att Ungas psykiska hälsa har påminnelsetexten "Hej {patient}, glöm inte mötet med {unit} {starts_at}: {link}"
    Och att sekreteraren arbetar på Ungas psykiska hälsa
    Och att sekreteraren har bokat ett chattmöte med den andra patienten på Ungas psykiska hälsa
    När sekreteraren skickar en påminnelse om besöket
    Så har den andra patienten fått en påminnelse i SMS med en länk till mötet
    Och innehåller påminnelsen texten "glöm inte mötet med Ungas psykiska hälsa"
    Och leder länken i påminnelsen till besöket

  @kritisk @negativ @DVM-03 @SEC-01
  Scenario: Sekreteraren ser ärendet i kön men kan inte ta det
    Givet att sekreteraren arbetar på Föräldrarådgivning online
    Och att patienten har lämnat ärendet "Mitt barn har feber" hos Föräldrarådgivning online
    Så ser sekreteraren ärendet i kön
    Och kan sekreteraren inte ta ärendet
    Och ser sekreteraren att rollen inte ger behörighet att ta ärenden
