# language: sv
@SEC-09
Egenskap: Inloggningar begränsas
  Den som gissar lösenord stoppas efter några försök, och anonyma inloggningar kan inte skapas utan gräns
  från en och samma adress.

  @kritisk @negativ
  Scenario: Efter fem fel lösenord nekas även det rätta en stund
    Givet att vårdpersonalen arbetar på Ungdomsmottagningen
    När någon försöker logga in som vårdpersonalen med fel lösenord 5 gånger
    Så nekas vårdpersonalen en stund även med rätt lösenord

  @hog @negativ
  Scenario: Anonyma inloggningar från samma adress begränsas
    När 31 anonyma inloggningar görs hos MiniMaria från samma adress
    Så nekas den sista eftersom det blivit för många
