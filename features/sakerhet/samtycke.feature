# language: sv
@SEC-06
Egenskap: Samtycket gäller allt som visar besöket
  När en mottagning kräver samtycke på besökssidan visar varken sidan, tjänstens API eller mötets
  förbindelse något av besöket innan patienten har samtyckt.

  @kritisk @negativ
  Scenario: Utan samtycke ger varken API:t eller mötet besöket
    Givet att Ung utsatt kräver samtycke på besökssidan
    Och att patienten inte har samtyckt på besökssidan hos Ung utsatt
    Och att patienten har lämnat ärendet "Jag vill prata med någon" hos Ung utsatt
    När patienten läser ärendet direkt i tjänstens API
    Så nekar tjänsten patienten eftersom samtycke saknas
    Och nekar tjänsten patienten mötets förbindelse
