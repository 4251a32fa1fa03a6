# language: sv
@SEC-08
Egenskap: Bara tjänstens egna sidor ändrar något
  En sida på en annan webbplats kan inte använda patientens inloggning för att lämna ärenden eller öppna
  patientens möten.

  @kritisk @negativ
  Scenario: Ett ärende som skickas från en annan webbplats tas inte emot
    När en annan webbplats skickar ett ärende hos Ungdomsmottagningen med patientens session
    Så nekar tjänsten ärendet eftersom det kom från en annan webbplats

  @kritisk @negativ
  Scenario: En annan webbplats kan inte öppna patientens möte
    Givet att patienten har lämnat ärendet "Jag behöver prata med någon" hos Ungdomsmottagningen
    När en annan webbplats öppnar mötets förbindelse med patientens session
    Så stänger tjänsten förbindelsen från den andra webbplatsen
