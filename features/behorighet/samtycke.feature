# language: sv
@DVM-09
Egenskap: Samtycke per sida
  För att Ungdomsmottagningen ska kunna flytta in i Vård och hälsa
  kan en mottagning kräva patientens samtycke på en viss sida innan sidan visar något innehåll.

  @kritisk @smoke
  Scenario: Utan samtycke visar ärendesidan inget ärendeformulär
    Givet att Ungdomsmottagningen kräver samtycke på ärendesidan
    Och att patienten inte har samtyckt på ärendesidan hos Ungdomsmottagningen
    När patienten öppnar Ungdomsmottagningen från startsidan
    Så ombeds patienten samtycka men ser inte ärendeformuläret
    När patienten samtycker
    Så ser patienten ärendeformuläret

  @hog
  Scenario: Samtycke krävs bara på den sida mottagningen har valt
    Givet att Ung utsatt kräver samtycke på besökssidan
    Och att patienten inte har samtyckt på besökssidan hos Ung utsatt
    När patienten öppnar Ung utsatt från startsidan
    Och patienten lämnar ärendet "Jag vill prata med någon" som chatt
    Så ombeds patienten samtycka men ser inget av besöket
    När patienten samtycker
    Så ser patienten att ärendet står i kön
