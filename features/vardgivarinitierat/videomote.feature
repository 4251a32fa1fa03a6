# language: sv
@DVM-01
Egenskap: Vårdgivarinitierat videomöte
  För att patienten ska slippa resa till mottagningen
  vill vårdpersonalen boka ett digitalt vårdmöte och träffa patienten med ljud och bild.

  @kritisk @smoke @video @chatt
  Scenario: Bokat videomöte från kallelse till avslutat besök
    Givet att vårdpersonalen har bokat ett videomöte med patienten
    Så har patienten fått en kallelse i SMS med en länk till mötet
    När patienten öppnar länken i kallelsen och loggar in med BankID
    Och patienten checkar in i väntrummet
    Så ser vårdpersonalen att patienten väntar i väntrummet
    När vårdpersonalen släpper in patienten
    Så ser och hör patienten och vårdpersonalen varandra
    När patienten skriver "Hej, hör ni mig?" i chatten
    Så ser vårdpersonalen meddelandet "Hej, hör ni mig?" i chatten
    När vårdpersonalen skriver "Ja, tydligt. Välkommen in!" i chatten
    Så ser patienten meddelandet "Ja, tydligt. Välkommen in!" i chatten
    När vårdpersonalen avslutar besöket
    Så ser både patienten och vårdpersonalen att besöket är avslutat
