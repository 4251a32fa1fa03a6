# language: sv
@DVM-02 @chatt
Egenskap: Chatt i möten och rena chattmöten
  Meddelanden kommer fram i ordning åt båda hållen, inget tappas eller ändras,
  och text visas alltid som text. Scenarierna chattar i ett rent chattmöte: ett patientinitierat ärende.

  Bakgrund:
    Givet att patienten och vårdpersonalen chattar i ett ärende hos Hälsocoach online

  @kritisk @smoke
  Scenario: Meddelanden kommer fram i ordning åt båda hållen
    När patienten skriver "Hej!" i chatten
    Och vårdpersonalen skriver "Hej, vad kan jag hjälpa dig med?" i chatten
    Och patienten skriver "Jag har ont i halsen" i chatten
    Och patienten skriver "sedan i tisdags" i chatten
    Så ser både patienten och vårdpersonalen chatten i den här ordningen:
      | avsändare      | meddelande                       |
      | patienten      | Hej!                             |
      | vårdpersonalen | Hej, vad kan jag hjälpa dig med? |
      | patienten      | Jag har ont i halsen             |
      | patienten      | sedan i tisdags                  |

  @hog
  Scenario: Ett långt meddelande med svenska tecken kommer fram oförändrat
    När patienten skriver ett långt meddelande med svenska tecken
    Så ser vårdpersonalen exakt samma meddelande i chatten

  @kritisk @negativ @SEC-02
  Abstrakt Scenario: Kod i ett meddelande (<fall>) visas som text och körs inte
    När patienten skriver "<meddelande>" i chatten
    Så ser vårdpersonalen meddelandet "<meddelande>" i chatten
    Och har ingen kod från chatten körts hos vårdpersonalen
    När vårdpersonalen laddar om besöket
    Så ser vårdpersonalen meddelandet "<meddelande>" i chatten
    Och har ingen kod från chatten körts hos vårdpersonalen

    Exempel:
      | fall                 | meddelande                                     |
      | skriptelement        | <script>window.vmqaInjected = true</script>    |
      | bild med felhändelse | <img src=x onerror="window.vmqaInjected=true"> |

  @hog
  Scenario: Den som laddar om sidan ser hela chatthistoriken
    När patienten skriver "Första frågan" i chatten
    Och vårdpersonalen skriver "Första svaret" i chatten
    Och patienten laddar om besöket
    Så ser patienten chatten i den här ordningen:
      | avsändare      | meddelande    |
      | patienten      | Första frågan |
      | vårdpersonalen | Första svaret |

  @kritisk @negativ @SEC-01
  Scenario: En patient utanför mötet kan inte läsa chatten
    När patienten skriver "Mitt känsliga ärende" i chatten
    Så kan den andra patienten inte öppna besöket
