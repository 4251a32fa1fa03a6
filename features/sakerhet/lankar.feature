# language: sv
@SEC-11
Egenskap: Länkar slutar gälla med besöket
  Kallelselänken i ett SMS leder till besöket bara så länge besöket inte är avslutat: den som får tag
  i telefonen efteråt kommer ingenstans.

  @hog @negativ
  Scenario: Kallelselänken gäller inte efter avslutat besök
    Givet att vårdpersonalen har bokat ett videomöte med patienten
    Och att vårdpersonalen har avslutat besöket direkt i tjänsten
    När patienten öppnar länken i kallelsen
    Så säger tjänsten att länken inte gäller

  @hog @negativ
  Scenario: Gästlänken gäller inte efter avslutat besök
    Givet att vårdpersonalen har bokat ett fysiskt besök med patienten
    Och att vårdpersonalen har bjudit in den anhöriga till besöket
    Och att vårdpersonalen har avslutat besöket direkt i tjänsten
    När den anhöriga öppnar sin gästlänk
    Så säger tjänsten att gästlänken inte gäller
