# language: sv
@DVM-06
Egenskap: Fysiskt besök med digitala deltagare
  Patienten är på plats på mottagningen tillsammans med vårdpersonalen. Andra deltar digitalt: en
  specialist med sitt konto, en anhörig utan BankID med en egen länk. Patienten får ingen digital kallelse,
  och den anhörigas länk leder bara till det här besöket och bara tills det är avslutat. Ett fysiskt besök
  går alltid genom tjänstens routade videomotor, oavsett mottagningens inställning: fler än två deltar.

  @kritisk @smoke
  Scenario: Patienten på plats får inget SMS när en anhörig bjuds in
    Givet att vårdpersonalen har bokat ett fysiskt besök med patienten
    Och att vårdpersonalen har bjudit in den anhöriga till besöket
    Så har den anhöriga fått en länk till besöket i SMS
    Och har patienten inte fått något SMS om besöket

  @kritisk @video @chatt
  Scenario: En anhörig deltar med egen länk i ett fysiskt besök
    Givet att vårdpersonalen har bokat ett fysiskt besök med patienten
    När vårdpersonalen startar det fysiska besöket
    Och vårdpersonalen bjuder in den anhöriga till besöket
    Så ser vårdpersonalen att den anhöriga är inbjuden
    När den anhöriga ansluter till besöket med sin länk
    Så ser den anhöriga att mötet pågår
    Och ser och hör vårdpersonalen och den anhöriga varandra
    Och får den anhöriga inte veta patientens personnummer
    När den anhöriga skriver "Hej, jag hör er bra" i chatten
    Så ser vårdpersonalen meddelandet "Hej, jag hör er bra" i chatten
    Och har patienten inte fått något SMS om besöket
    När vårdpersonalen avslutar besöket
    Så ser vårdpersonalen och den anhöriga att besöket är avslutat

  @hog @video @chatt
  Scenario: Specialisten och den anhöriga deltar digitalt i samma fysiska besök
    Givet att specialisten arbetar på Vårdcentralen Hisingen
    Och att vårdpersonalen har bokat ett fysiskt besök med patienten
    Och att vårdpersonalen har startat det fysiska besöket
    Och att vårdpersonalen har bjudit in den anhöriga till besöket
    När vårdpersonalen öppnar besöket
    Och specialisten ansluter digitalt till besöket
    Och den anhöriga ansluter till besöket med sin länk
    Så ser specialisten att mötet pågår
    Och ser och hör var och en i mötet alla andra i mötet
    När specialisten skriver "Jag har tittat på proverna" i chatten
    Så ser vårdpersonalen meddelandet "Jag har tittat på proverna" i chatten
    Och ser den anhöriga meddelandet "Jag har tittat på proverna" i chatten
    När den anhöriga skriver "Tack, då förstår jag" i chatten
    Så ser specialisten meddelandet "Tack, då förstår jag" i chatten
    Och har patienten inte fått något SMS om besöket

  @hog @negativ @SEC-11
  Scenario: Den anhörigas länk öppnar bara det egna besöket
    Givet att vårdpersonalen har ett annat besök med den andra patienten
    Och att vårdpersonalen har bokat ett fysiskt besök med patienten
    Och att vårdpersonalen har bjudit in den anhöriga till besöket
    När den anhöriga ansluter till besöket med sin länk
    Så kommer den anhöriga inte åt det andra besöket
