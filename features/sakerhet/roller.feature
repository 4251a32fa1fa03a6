# language: sv
@SEC-01
Egenskap: Den som konfigurerar mottagningen läser inga patientuppgifter
  En enhetsadministratör ändrar mottagningens texter och samtyckessidor men ser inte patienternas namn,
  telefonnummer, personnummer eller kallelselänkar: inte på sidorna och inte i tjänstens API.

  Bakgrund:
    Givet att vårdpersonalen arbetar på Ungdomsmottagningen
    Och att vårdpersonalen har bokat ett videomöte med patienten på Ungdomsmottagningen
    Och att enhetsadministratören arbetar på Ungdomsmottagningen

  @kritisk @negativ
  Scenario: En enhetsadministratör läser inte SMS-utkorgen
    När enhetsadministratören läser SMS-utkorgen direkt i tjänsten
    Så nekar tjänsten enhetsadministratören SMS-utkorgen

  @kritisk @negativ
  Scenario: En enhetsadministratör ser inte patientregistret
    Så ser enhetsadministratören inget patientregister på sin startsida
