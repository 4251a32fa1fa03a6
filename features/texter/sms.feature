# language: sv
@DVM-14
Egenskap: Konfigurerbara SMS-texter
  Varje mottagning har sin egen kallelse- och påminnelsetext. SMS:et innehåller exakt den texten,
  ifylld med besökets uppgifter: {patient} (förnamn), {unit}, {starts_at} och {link}.

  @kritisk @smoke @SEC-03
  Scenario: Kallelsen är exakt mottagningens text ifylld med besökets uppgifter
    Givet att Ungdomsmottagningen har kallelsetexten "Hej {patient}! Välkommen till {unit} {starts_at}. Följ länken för att ansluta: {link} Hälsningar, personalen på Ungdomsmottagningen"
    Och att vårdpersonalen arbetar på Ungdomsmottagningen
    När vårdpersonalen bokar ett videomöte med patienten på Ungdomsmottagningen
    Så visar SMS-utkorgen för vårdpersonalen exakt texten ifylld med besökets uppgifter
    Och innehåller kallelsen inte patientens personnummer
    Och leder länken i kallelsen till besöket

  @hog
  Scenario: Påminnelsen är exakt mottagningens påminnelsetext
    Givet att Ungdomsmottagningen har påminnelsetexten "Påminnelse till {patient}: ditt möte med {unit} är {starts_at}. Länk: {link}"
    Och att vårdpersonalen arbetar på Ungdomsmottagningen
    Och att vårdpersonalen har bokat ett videomöte med patienten på Ungdomsmottagningen
    När vårdpersonalen skickar en påminnelse om besöket
    Så visar SMS-utkorgen för vårdpersonalen exakt texten ifylld med besökets uppgifter

  @hog @negativ
  Scenario: En mottagnings text påverkar inte andra mottagningars kallelser
    Givet att Ungdomsmottagningen har kallelsetexten "Ungdomsmottagningen hälsar {patient} välkommen: {link}"
    Och att vårdpersonalen har bokat ett videomöte med patienten
    Så innehåller kallelsen inte texten "Ungdomsmottagningen hälsar"

  @hog @negativ @SEC-03
  Scenario: En text som skulle avslöja personnumret sparas inte
    Givet att enhetsadministratören arbetar på Ungdomsmottagningen
    När enhetsadministratören försöker ge Ungdomsmottagningen kallelsetexten "Hej {patient} ({personnummer}): {link}"
    Så nekas texten med beskedet "okända fält personnummer"
