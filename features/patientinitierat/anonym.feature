# language: sv
@DVM-08
Egenskap: Anonym inloggning (MiniMaria)
  För att unga ska våga söka hjälp för missbruk
  kan de kontakta MiniMaria utan att uppge vem de är, och inget i tjänsten knyter besöket till dem.

  @kritisk @smoke @chatt
  Scenario: En anonym patient möter personalen utan att uppge vem den är
    Givet att vårdpersonalen arbetar på MiniMaria
    När den anonyma patienten öppnar direktlänken till MiniMaria
    Och den anonyma patienten fortsätter anonymt
    Och den anonyma patienten lämnar ärendet "Jag vill prata om alkohol" som chatt
    Så ser vårdpersonalen ärendet i kön
    Och ser vårdpersonalen ingen identitet för patienten
    När vårdpersonalen tar ärendet ur kön
    Och den anonyma patienten skriver "Hej, jag vill inte säga vad jag heter." i chatten
    Så ser vårdpersonalen meddelandet "Hej, jag vill inte säga vad jag heter." i chatten
    När vårdpersonalen avslutar besöket
    Så knyter inget i tjänsten besöket till en person
    Och kan den anonyma patienten inte längre öppna sitt ärende

  @kritisk @negativ @SEC-01
  Scenario: Den anonyma patienten når bara sitt eget ärende
    Givet att vårdpersonalen har bokat ett videomöte med patienten
    När den anonyma patienten öppnar direktlänken till MiniMaria
    Och den anonyma patienten fortsätter anonymt
    Och den anonyma patienten lämnar ärendet "Jag behöver någon att prata med" som chatt
    Så ser den anonyma patienten bara sitt eget ärende
    Och kan den anonyma patienten inte öppna besöket

  @hog @negativ
  Scenario: En mottagning utan anonym inloggning erbjuder den inte
    När den anonyma patienten öppnar direktlänken till Ungdomsmottagningen
    Så erbjuds den anonyma patienten inte att fortsätta anonymt
