# language: sv
@SEC-04
Egenskap: Varje meddelande i mötet prövas, inte bara anslutningen
  Tjänsten prövar varje meddelande som kommer in i ett möte: att sessionen fortfarande gäller, att rollen
  får göra det och att besöket tillåter det. Den som bara följer besöket kan inte skriva eller ringa.

  Bakgrund:
    Givet att patienten har lämnat ärendet "Jag behöver prata med någon" hos Ungdomsmottagningen
    Och att vårdpersonalen arbetar på Ungdomsmottagningen
    Och att vårdpersonalen har tagit ärendet ur kön

  @kritisk @negativ
  Scenario: En sekreterare kan inte chatta som personal i mötet
    Givet att sekreteraren arbetar på Ungdomsmottagningen
    När sekreteraren skickar chattmeddelandet "Jag är din läkare" direkt i mötet
    Så avvisar tjänsten meddelandet eftersom rollen bara får följa besöket

  @kritisk @negativ
  Scenario: En sekreterare kan inte starta samtalet i mötet
    Givet att sekreteraren arbetar på Ungdomsmottagningen
    När sekreteraren ansluter direkt till samtalet i mötet
    Så avvisar tjänsten meddelandet eftersom rollen bara får följa besöket

  @kritisk @negativ
  Scenario: Efter utloggning tar mötet inte emot patientens meddelanden
    Givet att patienten har mötet öppet direkt med sin egen session
    När patienten loggar ut
    Och patienten skickar chattmeddelandet "Är du kvar?" direkt i mötet
    Så stänger tjänsten mötet för patienten eftersom sessionen har upphört

  @hog @negativ
  Scenario: Efter avslutat besök tar mötet inte emot chatt
    Givet att patienten har mötet öppet direkt med sin egen session
    När vårdpersonalen avslutar ärendet direkt i tjänsten
    Och patienten skickar chattmeddelandet "Hallå?" direkt i mötet
    Så avvisar tjänsten meddelandet eftersom besöket är avslutat
