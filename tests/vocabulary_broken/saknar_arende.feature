# language: sv
@DVM-09
Egenskap: Trasigt: en kontroll av ett ärende som aldrig lämnades, av en roll utan konto

  @kritisk @negativ
  Scenario: Sekreteraren ser inte ärendet
    Så ser sekreteraren inte ärendet i kön
