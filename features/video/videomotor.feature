# language: sv
@DVM-12 @video
Egenskap: Videobesök på den routade videomotorn
  Ett tvåpartsbesök kan gå genom tjänstens routade videomotor (SFU) i stället för direkt mellan
  webbläsarna. Samma mätning och samma gränser gäller: ett rent besök ska bli "bra" även där.

  @hog
  Scenario: Ett rent videobesök genom den routade videomotorn är bra
    Givet att vårdpersonalen har bokat ett videomöte med patienten med videomotorn "sfu"
    Och att patienten är på nätet "bredband"
    Och att vårdpersonalen är på nätet "bredband"
    Så har patienten fått en kallelse i SMS med en länk till mötet
    När patienten öppnar länken i kallelsen och loggar in med BankID
    Och patienten checkar in i väntrummet
    Så ser vårdpersonalen att patienten väntar i väntrummet
    När vårdpersonalen släpper in patienten
    Så ser och hör patienten och vårdpersonalen varandra
    När besöket pågår i 10 sekunder
    Så är videokvaliteten "bra"
    Och gick all media mellan deltagarna inom den här datorn
