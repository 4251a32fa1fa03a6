# language: sv
@DVM-07
Egenskap: Tolkbehov i patientinitierade möten
  För att mötet ska kunna hållas på ett språk patienten förstår
  anger patienten tolkbehov och språk när ärendet lämnas, och personalen ser det i kön och i mötet.

  @kritisk @smoke
  Scenario: Vårdpersonalen ser tolkbehovet i kön och i mötet
    Givet att vårdpersonalen arbetar på Ungas psykiska hälsa
    När patienten öppnar Ungas psykiska hälsa från startsidan
    Och patienten lämnar ärendet "Jag sover dåligt och oroar mig" som chatt med tolk på arabiska
    Så ser vårdpersonalen tolkbehovet arabiska i kön
    När vårdpersonalen tar ärendet ur kön
    Så ser vårdpersonalen tolkbehovet arabiska i mötet

  @normal @negativ
  Scenario: Ett ärende utan tolkbehov visas utan tolk
    Givet att vårdpersonalen arbetar på Föräldrarådgivning online
    När patienten öppnar Föräldrarådgivning online från startsidan
    Och patienten lämnar ärendet "Mitt barn sover inte" som chatt
    Så ser vårdpersonalen att ärendet inte har något tolkbehov

  @normal @negativ
  Scenario: Tolkbehov utan språk går inte att skicka
    När patienten öppnar Ung utsatt från startsidan
    Och patienten försöker lämna ärendet "Jag behöver hjälp" med tolkbehov men utan språk
    Så ombeds patienten välja tolkspråk
