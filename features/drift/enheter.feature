# language: sv
@DVM-11
Egenskap: Alla enheter är migrerade och rätt inställda
  Omkring 1 100 mottagningar i regionens förvaltningar, privata vårdgivare inräknade, flyttades in i
  lösningen. Enhetskatalogen (units/catalogue.csv) säger vilka som ska finnas och hur de ska vara
  inställda: förvaltning, patientinitierade möten, synlighet på startsidan och anonym inloggning.

  Bakgrund:
    Givet regionens enhetskatalog

  @kritisk
  Scenario: Varje enhet i katalogen finns i miljön med rätt inställningar
    När förvaltningen jämför miljöns enheter med enhetskatalogen
    Så finns varje enhet i katalogen med rätt inställningar
    Och tog jämförelsen mindre än 30 sekunder

  @hog
  Scenario: Startsidan erbjuder precis katalogens patientinitierade mottagningar
    När patienten loggar in och öppnar startsidan
    Så erbjuds precis katalogens patientinitierade mottagningar med plats på startsidan
