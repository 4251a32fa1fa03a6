# language: sv
@SEC-07
Egenskap: En session slutar bara med knappen Logga ut, eller när den har gått ut
  En länk eller bild på en annan sida kan inte logga ut någon: utloggning är ett formulär som skickas
  från tjänstens egen sida. (Att sessioner går ut av sig själva visar plattformens egna tester, som inte
  kan vänta en halvtimme i ett scenario.)

  @hog @negativ
  Scenario: En länk loggar inte ut patienten
    När en länk på en annan sida försöker logga ut patienten
    Så är patienten fortfarande inloggad och tjänsten säger att utloggning sker med knappen
