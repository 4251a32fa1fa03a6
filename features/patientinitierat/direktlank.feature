# language: sv
@DVM-04
Egenskap: Mottagningar som bara nås via direktlänk
  Två mottagningar tar emot ärenden från patienter men visas inte på startsidan:
  patienten når dem bara via en direktlänk som mottagningen själv ger ut.

  @hog @smoke @DVM-03
  Scenario: Startsidan erbjuder mottagningarna med patientinitierade möten utom de dolda
    När patienten loggar in och öppnar startsidan
    Så erbjuds precis de här mottagningarna:
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
    Och erbjuds inte Substitutionsmottagningen
    Och erbjuds inte Utbildningskliniken (FTV)

  @hog @DVM-03
  Abstrakt Scenario: Ett ärende till <mottagning> via direktlänk hamnar i mottagningens kö
    Givet att vårdpersonalen arbetar på <mottagning>
    När patienten öppnar direktlänken till <mottagning>
    Och patienten lämnar ärendet "Jag behöver råd" som chatt
    Så ser patienten att ärendet står i kön
    Och ser vårdpersonalen ärendet i kön

    Exempel:
      | mottagning                |
      | Substitutionsmottagningen |
      | Utbildningskliniken (FTV) |
