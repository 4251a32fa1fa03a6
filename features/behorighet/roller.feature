# language: sv
@DVM-09
Egenskap: Roller styr vad personalen får göra
  En medarbetares roll på mottagningen avgör vad hen får göra: bara den som möter patienter
  tar ärenden ur kön, och den som konfigurerar mottagningen läser inga besök.

  Bakgrund:
    Givet att patienten har lämnat ärendet "Jag behöver prata med någon" hos Ungdomsmottagningen

  @kritisk @smoke
  Scenario: Vårdpersonal med rätt roll tar ärendet ur kön
    Givet att vårdpersonalen arbetar på Ungdomsmottagningen
    När vårdpersonalen tar ärendet ur kön
    Så ser vårdpersonalen att mötet pågår

  @kritisk @negativ @SEC-01
  Scenario: En sekreterare kan inte ta ärenden ur kön
    Givet att sekreteraren arbetar på Ungdomsmottagningen
    Så ser sekreteraren att rollen inte ger behörighet att ta ärenden
    Och kan sekreteraren inte ta ärendet

  @kritisk @negativ @SEC-01
  Scenario: En enhetsadministratör läser inte mottagningens besök
    Givet att enhetsadministratören arbetar på Ungdomsmottagningen
    Så ser enhetsadministratören inga besök
    Och kan enhetsadministratören inte öppna ärendet

  @hog @negativ
  Scenario: Vårdpersonal ändrar inte mottagningens inställningar
    Givet att vårdpersonalen arbetar på Ungdomsmottagningen
    Så kan vårdpersonalen inte ändra inställningarna för Ungdomsmottagningen
