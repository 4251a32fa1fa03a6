# language: sv
@DVM-03
Egenskap: Patientinitierat möte
  För att få hjälp utan att först bli kallad
  vill patienten själv kontakta en mottagning som erbjuder det, och bli tagen ur kön av personalen där.

  @kritisk @smoke @chatt
  Scenario: Patienten lämnar ett chattärende och vårdpersonalen tar det ur kön
    Givet att vårdpersonalen arbetar på Ungdomsmottagningen
    När patienten öppnar Ungdomsmottagningen från startsidan
    Och patienten lämnar ärendet "Jag har frågor om preventivmedel" som chatt
    Så ser patienten att ärendet står i kön
    Och ser vårdpersonalen ärendet i kön
    När vårdpersonalen tar ärendet ur kön
    Så ser patienten att mötet pågår
    När patienten skriver "Hej, tack för att ni tog mitt ärende." i chatten
    Så ser vårdpersonalen meddelandet "Hej, tack för att ni tog mitt ärende." i chatten

  @hog @video
  Scenario: Patienten väljer video och ärendet blir ett videomöte
    Givet att vårdpersonalen arbetar på Hälsocoach online
    När patienten öppnar Hälsocoach online från startsidan
    Och patienten lämnar ärendet "Jag vill prata om min sömn" som video
    Och vårdpersonalen tar ärendet ur kön
    Så ser och hör patienten och vårdpersonalen varandra

  @kritisk @negativ
  Scenario: Personal på en annan mottagning ser inte ärendet
    Givet att vårdpersonalen arbetar på Ungdomsmottagningen
    Och att kollegan arbetar på Folktandvården
    Och att patienten har lämnat ärendet "Jag vill boka om en tid" hos Ungdomsmottagningen
    Så ser vårdpersonalen ärendet i kön
    Och ser kollegan inte ärendet i kön
    Och kan kollegan inte öppna ärendet

  @kritisk @negativ @SEC-02
  Scenario: Kod i ett ärende visas som text i den öppna kön
    Givet att vårdpersonalen arbetar på Ungdomsmottagningen
    Och att vårdpersonalen har mottagningens kö öppen
    När patienten öppnar Ungdomsmottagningen från startsidan
    Och patienten lämnar ärendet "<img src=x onerror="window.vmqaInjected=true"> hjälp" som chatt
    Så dyker ärendet upp i kön hos vårdpersonalen
    Och har ingen kod från ärendet körts hos vårdpersonalen

  @hog
  Abstrakt Scenario: Ett ärende till <mottagning> från startsidan hamnar i mottagningens kö
    Givet att vårdpersonalen arbetar på <mottagning>
    När patienten öppnar <mottagning> från startsidan
    Och patienten lämnar ärendet "Jag behöver råd" som chatt
    Så ser patienten att ärendet står i kön
    Och ser vårdpersonalen ärendet i kön

    Exempel:
      | mottagning                                                                       |
      | Folktandvården                                                                   |
      | Hälsocoach online                                                                |
      | FaR-mottagningen online                                                          |
      | Amningsmottagningen (NÄL, SäS, SU)                                               |
      | Barnmorskemottagningen online (Fyrbodal, Göteborg, Skaraborg och Södra Älvsborg) |
      | Graviditetsdiabetesmottagningen                                                  |
      | Föräldrarådgivning online                                                        |
      | Neonatal sjukvård i hemmet                                                       |
      | Mottagningen för unga män                                                        |
      | Ungas psykiska hälsa                                                             |
      | Ungdomsmottagningen                                                              |
      | Ung utsatt                                                                       |
