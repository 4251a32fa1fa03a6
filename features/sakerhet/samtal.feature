# language: sv
@SEC-05
Egenskap: Patientens kamera går bara till den insläppta vårdpersonalen
  Patientens sida svarar på ett samtal bara från den vårdpersonal som har släppts in i patientens eget
  besök. Ringer någon annan i rummet, avböjer sidan utan att slå på kamera och mikrofon.

  @kritisk @negativ
  Scenario: Patientens sida avböjer ett samtal från en kollega som inte är insläppt
    Givet att patienten har lämnat ärendet "Jag behöver prata med någon" hos Ungdomsmottagningen
    Och att vårdpersonalen arbetar på Ungdomsmottagningen
    Och att vårdpersonalen har tagit ärendet ur kön
    Och att kollegan arbetar på Ungdomsmottagningen
    Och att patienten har ärendet öppet
    När kollegan ringer direkt i mötet
    Så avböjer patientens sida samtalet från kollegan
