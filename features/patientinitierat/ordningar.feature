# language: sv
@DVM-03
Egenskap: Stegen betyder detsamma i vilken ordning de står
  En kontroll hittar ärendet där det är nu, i kön eller i mötet, och den som har gått ifrån besöket
  hittar tillbaka. Skrivna enbart ur docs/vocabulary.md.

  @kritisk @DVM-08 @chatt
  Scenario: Kollegan ser ingen identitet även efter att ha tagit det anonyma ärendet
    Givet att kollegan arbetar på MiniMaria
    När den anonyma patienten öppnar direktlänken till MiniMaria
    Och den anonyma patienten fortsätter anonymt
    Och den anonyma patienten lämnar ärendet "Jag dricker för mycket" som chatt
    Och kollegan tar ärendet ur kön
    Så ser kollegan ingen identitet för patienten
    När kollegan avslutar besöket
    Så kan den anonyma patienten inte längre öppna sitt ärende

  @hog @DVM-02 @chatt
  Scenario: Patienten lämnar besöket och läser svaret när hen kommer tillbaka
    Givet att patienten och vårdpersonalen chattar i ett ärende hos Hälsocoach online
    När patienten skriver "Jag måste gå en stund" i chatten
    Och patienten lämnar besöket
    Och vårdpersonalen skriver "Vi ses snart" i chatten
    Så ser patienten meddelandet "Vi ses snart" i chatten
    När vårdpersonalen avslutar besöket
    Så kan patienten inte längre skriva i chatten
    Och kan vårdpersonalen inte längre skriva i chatten

  @hog @DVM-02 @chatt @negativ
  Scenario: Kollegan chattar med den andra patienten och patienten når inte chatten
    Givet att den andra patienten och kollegan chattar i ett ärende hos Folktandvården
    När den andra patienten skriver "Det gör ont i en tand" i chatten
    Så ser kollegan meddelandet "Det gör ont i en tand" i chatten
    Och kan patienten inte öppna besöket
