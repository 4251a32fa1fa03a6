# language: sv
@SOK-01
Egenskap: Sök vård ger den specificerade prioriteten för varje väg
  Sök vård prioriterar patienten genom frågor i en trädstruktur som slutar i en prioritet från akut
  till prioritet 5. Specifikationen av trädet (triage/sok-vard.yaml) är facit: varje väg genom den
  prövas i tjänsten, och en väg som ger en annan prioritet eller en annan fråga nämns vid namn.

  @kritisk
  Scenario: Varje väg genom frågeträdet ger den specificerade prioriteten
    Givet Sök vårds specifikation av frågeträdet
    När förvaltningen provar varje väg genom frågeträdet i tjänsten
    Så ger varje väg den specificerade prioriteten
    Och är varje väg i specifikationen provad
