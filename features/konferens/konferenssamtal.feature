# language: sv
@DVM-05 @video
Egenskap: Konferenssamtal med flera patienter
  Ett gruppmöte (till exempel gruppundervisning) har en vårdpersonal och flera patienter i samma möte,
  alltid genom tjänstens routade videomotor. Var och en ska se och höra alla andra, patienterna ser
  varandra bara med namn, och mötet går vidare för de andra när någon lämnar eller kommer sent.
  Videokvaliteten får ett betyg för varje mottagare och varje avsändare.

  @hog
  Scenario: Alla i ett gruppmöte ser och hör varandra, även när en patient lämnar och kommer tillbaka
    Givet att vårdpersonalen har bokat ett gruppmöte med patienten, patient 2 och patient 3
    När patienten öppnar länken i kallelsen och loggar in med BankID
    Och patienten checkar in i väntrummet
    Och patient 2 öppnar länken i kallelsen och loggar in med BankID
    Och patient 3 öppnar länken i kallelsen och loggar in med BankID
    Och vårdpersonalen släpper in patienten
    Så ser och hör var och en i mötet alla andra i mötet
    Och ser patienterna i mötet varandra med namn, aldrig med personnummer
    När patient 3 lämnar besöket
    Så ser och hör var och en i mötet alla andra i mötet
    När patient 3 kommer tillbaka till mötet
    Så ser och hör var och en i mötet alla andra i mötet
    Och gick all media mellan deltagarna inom den här datorn

  @hog
  Scenario: Videokvaliteten i ett gruppmöte bedöms för var och en från alla andra
    Givet att vårdpersonalen har bokat ett gruppmöte med patienten och patient 2
    När patienten öppnar länken i kallelsen och loggar in med BankID
    Och patienten checkar in i väntrummet
    Och patient 2 öppnar länken i kallelsen och loggar in med BankID
    Och vårdpersonalen släpper in patienten
    Så är videokvaliteten "bra" för var och en i mötet från alla andra
