# language: sv
@SEC-03
Egenskap: SMS-texter är ett mallspråk med fält, inget annat
  En mottagnings SMS-text får bara innehålla fälten {patient}, {unit}, {starts_at} och {link}, utan
  formatering: en formatspecifikation kunde göra texten jättelång eller få varje bokning att fela.

  @hog @negativ
  Abstrakt Scenario: En text med formatspecifikation sparas inte
    Givet att enhetsadministratören arbetar på Ungdomsmottagningen
    När enhetsadministratören försöker ge Ungdomsmottagningen kallelsetexten "<text>"
    Så nekas texten eftersom den har en formatspecifikation

    Exempel:
      | text                          |
      | Hej {patient}: {link:>100000} |
      | Hej {patient}: {link:d}       |
