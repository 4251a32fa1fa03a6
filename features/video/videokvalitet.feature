# language: sv
@DVM-12 @video
Egenskap: Videokvalitet på de nät patienterna har
  För att videon ska vara stabil och bra även när patienten sitter på ett sämre nät
  mäts varje videobesök i WebRTC-statistiken och får ett betyg: bra, godtagbar eller underkänd.
  Näten finns i media/network-profiles.yaml och gränserna i media/thresholds.yaml.
  Ett besök på ett nät mäts i 20 sekunder: en frysning på en kvarts sekund när bilden just har startat
  ska inte ensam avgöra betyget på ett sämre nät.

  Bakgrund:
    Givet att vårdpersonalen har bokat ett videomöte med patienten

  @hog
  Abstrakt Scenario: Videobesök när patienten är på nätet <profil> och vårdpersonalen på bredband
    Givet att patienten är på nätet "<profil>"
    Och att vårdpersonalen är på nätet "bredband"
    Så har patienten fått en kallelse i SMS med en länk till mötet
    När patienten öppnar länken i kallelsen och loggar in med BankID
    Och patienten checkar in i väntrummet
    Så ser vårdpersonalen att patienten väntar i väntrummet
    När vårdpersonalen släpper in patienten
    Och besöket pågår i 20 sekunder
    Så är videokvaliteten "<kvalitet>"

    Exempel:
      | profil   | kvalitet  |
      | bredband | bra       |
      | 4g       | bra       |
      | svagt-4g | godtagbar |
      | tag      | underkänd |

  @hog
  Scenario: Videon kommer tillbaka efter ett nätavbrott på tåget
    Givet att patienten är på nätet "tag"
    Så har patienten fått en kallelse i SMS med en länk till mötet
    När patienten öppnar länken i kallelsen och loggar in med BankID
    Och patienten checkar in i väntrummet
    Så ser vårdpersonalen att patienten väntar i väntrummet
    När vårdpersonalen släpper in patienten
    Och besöket pågår i 6 sekunder
    Och nätet försvinner för patienten i 4 sekunder och kommer tillbaka
    Och besöket pågår i 12 sekunder
    Så återhämtar sig videon minst "godtagbar" efter avbrottet
    Och är videokvaliteten "underkänd"

  @hog @negativ
  Scenario: En försämrad videomotor underkänns trots bra nät
    Givet att videomotorn är försämrad
    Och att patienten är på nätet "bredband"
    Så har patienten fått en kallelse i SMS med en länk till mötet
    När patienten öppnar länken i kallelsen och loggar in med BankID
    Och patienten checkar in i väntrummet
    Så ser vårdpersonalen att patienten väntar i väntrummet
    När vårdpersonalen släpper in patienten
    Och besöket pågår i 8 sekunder
    Så är videokvaliteten "underkänd" på grund av bildfrekvensen jämfört med sändarens kamera
