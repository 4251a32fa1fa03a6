# language: sv
@SEC-12
Egenskap: Felaktig indata ger ett tydligt nej, aldrig ett serverfel
  Orimliga id:n och trasiga meddelanden i mötet besvaras med "finns inte" eller "kunde inte läsas";
  tjänsten fortsätter att fungera för den som skickade dem.

  @hog @negativ
  Scenario: Ett orimligt stort besöks-id ger "finns inte", inte ett serverfel
    När patienten frågar tjänstens API efter besök 99999999999999999999
    Så svarar tjänsten att besöket inte finns

  @hog @negativ
  Scenario: Trasiga meddelanden i mötet besvaras med ett fel, inte ett serverfel
    Givet att patienten har lämnat ärendet "Jag behöver prata med någon" hos Ungdomsmottagningen
    Och att patienten har mötet öppet direkt med sin egen session
    När patienten skickar trasiga meddelanden i mötet
    Så besvarar tjänsten varje trasigt meddelande med att det inte kunde läsas
    Och tar mötet fortfarande emot patientens chattmeddelande "Nu rätt"
