# language: sv
@SEC-10
Egenskap: Besökssidan skyddas i webbläsaren
  Besökssidan får inte visas i en ram på en annan sida, inte köra skript från någon annanstans och inte
  sparas i webbläsarens cache, där nästa person vid datorn kunde läsa den.

  @hog @negativ
  Scenario: Besökssidan skickas med säkerhetshuvuden
    Givet att patienten har lämnat ärendet "Jag behöver prata med någon" hos Ungdomsmottagningen
    När patienten hämtar besökssidan
    Så har besökssidan alla säkerhetshuvuden
