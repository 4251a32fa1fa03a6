# language: sv
@DVM-10
Egenskap: Öppna besök hittas och stängs
  Mottagningarna lämnar många besök öppna. Förvaltningen granskar regelbundet besök som varit öppna
  längre än en gräns, per mottagning med ålder, och stänger dem; tjänsten kan också stänga dem själv
  efter en inställd tid. Ett besöks ålder räknas från när det skulle börja.

  @kritisk
  Scenario: Ett besök som lämnats öppet längre än gränsen hittas och stängs
    Givet att vårdpersonalen har bokat ett videomöte med patienten
    Och att besöket har stått öppet i 25 timmar
    När förvaltningen granskar öppna besök äldre än 24 timmar
    Så finns besöket i granskningen med sin mottagning och en ålder av 25 timmar
    När förvaltningen stänger besöken i granskningen
    Så är besöket avslutat i tjänsten

  @hog @negativ
  Scenario: Ett besök som varit öppet kortare än gränsen tas inte med
    Givet att vårdpersonalen har bokat ett videomöte med patienten
    Och att besöket har stått öppet i 23 timmar
    När förvaltningen granskar öppna besök äldre än 24 timmar
    Så finns besöket inte i granskningen

  @hog
  Scenario: Tjänsten stänger själv besök som varit öppna längre än den inställda tiden
    Givet att tjänsten stänger besök som varit öppna längre än 24 timmar
    Och att vårdpersonalen har bokat ett videomöte med patienten
    När besöket har stått öppet i 25 timmar
    Så stänger tjänsten besöket
