# language: sv
@DVM-07
Egenskap: Tolk i mötet
  När patienten har angett tolkbehov bjuder personalen in en tolk med en egen länk. Tolken behöver varken
  BankID eller konto, ser vilket språk mötet behöver och deltar i samtalet med patienten och personalen,
  i chatten eller med video och ljud: då ser och hör var och en av de tre de andra två.

  @kritisk @chatt
  Scenario: Tolken deltar i chattmötet med en egen länk
    Givet att vårdpersonalen arbetar på Ungas psykiska hälsa
    Och att patienten har lämnat ärendet "Jag sover dåligt" med tolk på arabiska hos Ungas psykiska hälsa
    När vårdpersonalen tar ärendet ur kön
    Och vårdpersonalen bjuder in tolken till besöket
    Och tolken ansluter till besöket med sin länk
    Så ser tolken att mötet behöver tolk på arabiska
    När patienten öppnar besöket
    Och patienten skriver "أنام بشكل سيء" i chatten
    Så ser tolken meddelandet "أنام بشكل سيء" i chatten
    När tolken skriver "Patienten säger: jag sover dåligt" i chatten
    Så ser vårdpersonalen meddelandet "Patienten säger: jag sover dåligt" i chatten
    Och ser patienten meddelandet "Patienten säger: jag sover dåligt" i chatten
    Och får tolken inte veta patientens personnummer
    När vårdpersonalen avslutar besöket
    Så ser tolken att besöket är avslutat

  @kritisk @video
  Scenario: Tolken deltar i videomötet med en egen länk
    Givet att vårdpersonalen arbetar på Ungas psykiska hälsa
    När patienten öppnar Ungas psykiska hälsa från startsidan
    Och patienten lämnar ärendet "Jag sover dåligt" som video med tolk på arabiska
    Och vårdpersonalen tar ärendet ur kön
    Och vårdpersonalen bjuder in tolken till besöket
    Och tolken ansluter till besöket med sin länk
    Så ser tolken att mötet behöver tolk på arabiska
    Och ser och hör var och en i mötet alla andra i mötet
    Och får tolken inte veta patientens personnummer

  @hog @negativ
  Scenario: Tolkens länk gäller inte efter avslutat besök
    Givet att vårdpersonalen arbetar på Ungas psykiska hälsa
    Och att patienten har lämnat ärendet "Jag behöver hjälp" med tolk på somaliska hos Ungas psykiska hälsa
    Och att vårdpersonalen har tagit ärendet ur kön
    Och att vårdpersonalen har bjudit in tolken till besöket
    När vårdpersonalen avslutar ärendet direkt i tjänsten
    Och tolken öppnar sin gästlänk
    Så säger tjänsten att gästlänken inte gäller
