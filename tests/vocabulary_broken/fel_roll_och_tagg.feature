# language: sv
@DVM-09 @kritsk
Egenskap: Trasigt: en roll som inte får ta ärenden, och en felstavad tagg

  Scenario: Enhetsadministratören tar ärendet
    Givet att enhetsadministratören arbetar på Ung utsatt
    Och att patienten har lämnat ärendet "Jag behöver stöd" hos Ung utsatt
    När enhetsadministratören tar ärendet ur kön
