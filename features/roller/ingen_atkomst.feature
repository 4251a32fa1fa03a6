# language: sv
@DVM-09
Egenskap: Den som inte når ärendet kan inte heller ta det
  Ett "kan inte" gäller oavsett skäl: den som inte ens får se ärendet kan inte ta det, och personal på en
  annan mottagning har en tom kö. Skrivna enbart ur docs/vocabulary.md.

  @kritisk @negativ @SEC-01
  Scenario: En enhetsadministratör kan inte ta ett ärende den inte får se
    Givet att enhetsadministratören arbetar på Ung utsatt
    Och att den andra patienten har lämnat ärendet "Jag behöver stöd" hos Ung utsatt
    Så kan enhetsadministratören inte ta ärendet
    Och ser enhetsadministratören inte ärendet i kön

  @hog @negativ @DVM-03
  Scenario: Kollegan på en vårdcentral har en tom kö när ett ärende kommer till en annan mottagning
    Givet att kollegan arbetar på Vårdcentralen Borås Norrby
    Och att patienten har lämnat ärendet "Jag har ont i ryggen" hos Hälsocoach online
    Så ser kollegan att kön är tom
    Och ser kollegan inte ärendet i kön
    Och kan kollegan inte öppna ärendet

  @hog @negativ @SEC-01
  Scenario: En enhetsadministratör kan inte boka möten
    Givet att enhetsadministratören arbetar på Logopedmottagningen, SäS
    Så kan enhetsadministratören inte boka ett chattmöte med patienten på Logopedmottagningen, SäS

  @hog @negativ @SEC-01 @DVM-01
  Scenario: En enhetsadministratör ser inte vem som väntar och släpper inte in
    Givet att vårdpersonalen har bokat ett chattmöte med den andra patienten
    Och att enhetsadministratören arbetar på Vårdcentralen Hisingen
    När den andra patienten öppnar länken i kallelsen och loggar in med BankID
    Och den andra patienten checkar in i väntrummet
    Så ser vårdpersonalen att den andra patienten väntar i väntrummet
    Och ser enhetsadministratören inte att den andra patienten väntar i väntrummet
    Och kan enhetsadministratören inte släppa in den andra patienten
