# language: sv
@DVM-03
Egenskap: Trasigt: ett steg som inte finns och en mottagning som inte finns

  @hog
  Scenario: Patienten ringer mottagningen
    Givet att vårdpersonalen arbetar på Ungdomsmottagning
    När patienten ringer Ungdomsmottagningen
