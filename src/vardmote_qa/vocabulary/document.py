"""docs/vocabulary.md: how to write a scenario, the roles and what each may do, the accepted values of every
parameter (from the service and the configuration), every step with what it needs and gives, its table's
columns and an example from the features, and one whole scenario per area."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..actors.roles import ROLES, Duty, Part, roles_that_may
from ..config import PROJECT_ROOT
from .steps import KEYWORDS, StepDefinition, shown_phrase
from .values import AcceptedValues, typed_words


@dataclass(frozen=True)
class FeatureStep:
    type: str
    text: str
    where: str  # file:line
    scenario: str  # the whole scenario, as Gherkin, for the examples per area


def _scenario_text(feature, template) -> str:
    lines = [f"Scenario: {template.name}" if not template.templated else f"Abstrakt Scenario: {template.name}"]
    previous = None
    for step in template.steps:
        keyword = KEYWORDS[step.type] if step.type != previous else "Och"
        previous = step.type
        lines.append(f"  {keyword} {step.name}")
        if step.datatable:
            lines += ["    | " + " | ".join(str(cell) for cell in row) + " |" for row in step.datatable.raw()]
    for examples in template.examples:
        lines += ["", "  Exempel:", "    | " + " | ".join(examples.example_params) + " |"]
        lines += ["    | " + " | ".join(row) + " |" for row in examples.examples]
    return "\n".join(lines)


def feature_steps(features_dir: Path) -> list[FeatureStep]:
    """Every step written in the feature files, in file order, with its scenario."""
    from pytest_bdd.feature import get_features
    found = []
    for feature in sorted(get_features([str(features_dir)]), key=lambda f: f.filename):
        relative = Path(feature.filename).resolve().relative_to(features_dir.resolve().parent)
        for template in feature.scenarios.values():
            whole = _scenario_text(feature, template)
            found += [FeatureStep(step.type, step.name, f"{relative}:{step.line_number}", whole)
                      for step in template.steps]
    return found


def _example(definition: StepDefinition, used: list[FeatureStep]) -> FeatureStep | None:
    return next((step for step in used if step.type == definition.type and definition.parser.is_matching(step.text)
                 and "<" not in step.text), None) or next(
        (step for step in used if step.type == definition.type and definition.parser.is_matching(step.text)), None)


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


_HOW_TO = """## Så skriver du ett scenario

1. En featurefil per förmåga under `features/<förmåga>/`, som börjar med `# language: sv` och har en `Egenskap:`.
2. Varje scenario har ett krav-id ur `requirements/catalogue.yaml` som tagg (`@DVM-03`), en allvarlighetsgrad
   (`@kritisk`, `@hog`, `@normal`) och vid behov `@smoke`, `@negativ` (det som inte får hända), `@video`, `@chatt`.
3. `Givet` ordnar (via tjänstens API), `När` gör (i webbläsaren), `Så` kontrollerar. En `Bakgrund` har bara `Givet`.
4. Skriv bara steg ur listan nedan, med värden ur listorna över parametrar. *ärendet* är det senaste ärendet
   i scenariot, *besöket* det senast bokade (eller i chatt mötta) besöket, och finns inget sådant det besök det senaste ärendet blev,
   *kallelsen* och *påminnelsen* hör till besöket. Ett steg som behöver något (kolumnen *behöver*) kräver
   att ett tidigare steg gav det (kolumnen *ger*).
5. Personal utom vårdpersonalen får ett konto först med *Givet att `<roll>` arbetar på `<mottagning>`*.
   Ett steg för en roll (kolumnen *roller*) gäller bara roller som får göra det; för de andra finns
   *kan `<roll>` inte ...*, som bara godtar tjänstens nej (HTTP 403/404 eller tjänstens egen text, aldrig en tidsgräns).
6. Kontrollera innan du kör: `vmqa vocabulary --check features/min-mapp/` säger med fil och rad vad som inte
   går att köra och vilket steg som ligger närmast. Kör sedan `pytest steps -m <tagg>`.
7. Kontroller över tid väntar upp till en namngiven gräns (`src/vardmote_qa/waiting.py`) och säger, när de
   fallerar, vad de såg under väntan.
"""


def _roles_section(values: AcceptedValues) -> list[str]:
    lines = ["## Roller och vad de får göra", "", "| roll | vem | får | konto |", "|---|---|---|---|"]
    who = {Part.PATIENT: "patient", Part.STAFF: "personal", Part.ADMINISTRATOR: "förvaltningens administratör (API)",
           Part.GUEST: "gäst (anhörig eller tolk)"}
    for role in ROLES.values():
        duties = [duty.details for duty in Duty if role.staff_role is not None and role.word in roles_that_may(duty)]
        if role.part is Part.PATIENT:
            account = "anonym, ingen inloggning" if role.test_patient is None else f"testpatient {role.test_patient + 1} (BankID)"
        elif role.part is Part.ADMINISTRATOR:
            account = "miljöns administratörskonto"
        elif role.part is Part.GUEST:
            account = "inget: en egen länk i SMS, inbjuden med *bjuder in*"
        elif role.standing_account:
            account = f"miljöns vårdpersonalkonto på {values.default_unit}, eller nytt med *arbetar på*"
        else:
            account = "nytt testkonto med *arbetar på*"
        lines.append(f"| *{role.word}* | {who[role.part]} | {'; '.join(duties) or '–'} | {account} |")
    lines += ["", "`<roller>` är vilka roller som helst ur tabellen, skilda med komma och *och*, gärna med *både* först: "
              "*patienten och vårdpersonalen*, *både den andra patienten och kollegan*, *patienten, sekreteraren och "
              "vårdpersonalen*.",
              "`<patient>` är en av " + ", ".join(f"*{r.word}*" for r in ROLES.values() if r.part is Part.PATIENT) + ".",
              ""]
    return lines


def _expected_tiers(features_dir: Path) -> str:
    """The tier the features expect per network profile: the examples tables with a profile and a tier column."""
    from pytest_bdd.feature import get_features
    found = []
    for feature in sorted(get_features([str(features_dir)]), key=lambda f: f.filename):
        for template in feature.scenarios.values():
            for examples in template.examples:
                if {"profil", "kvalitet"} <= set(examples.example_params):
                    pairs = [f"{row['profil']} → {row['kvalitet']}" for row in examples.as_contexts()]
                    where = Path(feature.filename).resolve().relative_to(features_dir.resolve().parent)
                    found.append(f"{', '.join(pairs)} (`{where}`)")
    return ("Förväntat betyg per nätprofil i featurefilerna: " + "; ".join(found) + ".") if found else ""


def _values_section(values: AcceptedValues, features_dir: Path) -> list[str]:
    lines = ["## Parametrar och godtagna värden", "",
             "Mottagningarna (`<mottagning>`) som de heter i tjänsten:", "",
             "| mottagning | tar emot ärenden | på startsidan | anonym inloggning |", "|---|---|---|---|"]
    yes = {True: "ja", False: "–"}
    for unit in values.unit_infos:
        lines.append(f"| {_cell(unit.name)} | {yes[unit.patient_initiated]} | "
                     f"{yes[unit.on_start_page and unit.patient_initiated]} | {yes[unit.allows_anonymous]} |")
    lines += ["", "| parameter | godtagna värden |", "|---|---|",
              f"| `<form>` (bokat möte) | {', '.join(typed_words('Mötesform'))} |",
              f"| `<form>` (ärende) | {', '.join(typed_words('Ärendeform'))} |",
              f"| `<sms>` | {', '.join(typed_words('Sms'))} (besökets kallelse, eller den senaste påminnelsen) |",
              f"| `<språk>` (tolk) | {', '.join(values.languages)} |",
              f"| `<nätprofil>` | {', '.join(f'{name} ({text})' for name, text in values.profiles.items())} |",
              f"| `<betyg>` (videokvalitet) | {', '.join(values.tiers)} |",
              f"| `<mått>` (skäl till betyget) | {', '.join(values.reasons)} |",
              f"| `<sida>` | {', '.join(values.by_parameter('page', None))} |",
              f"| `<texttyp>` | {', '.join(values.by_parameter('which', None))}; fälten {{patient}}, {{unit}}, "
              "{starts_at} och {link} (måste finnas) |",
              "| `<sekunder>` | ett heltal |", "| `<text>`, `<textbit>`, `<besked>` | fri text inom citattecken |", "",
              "Nätprofilerna finns i `media/network-profiles.yaml` och gränserna för betygen i `media/thresholds.yaml`.",
              "Ett betyg är det sämsta över båda deltagarna och alla mått. " + _expected_tiers(features_dir), ""]
    return lines


def _needs_text(definition: StepDefinition) -> str:
    import importlib
    what = importlib.import_module("steps.phrasing").WHAT_IS_GIVEN
    return "; ".join(" eller ".join(what.get(name, name) for name in any_of) for any_of in definition.needs) or "–"


def _roles_text(definition: StepDefinition) -> str:
    if definition.duty:
        return ", ".join(roles_that_may(definition.duty))
    if definition.refuses:
        return "roller som inte får " + definition.refuses.value
    return "–"


def as_markdown(definitions: list[StepDefinition], values: AcceptedValues,
                features_dir: Path = PROJECT_ROOT / "features") -> str:
    import importlib
    what = importlib.import_module("steps.phrasing").WHAT_IS_GIVEN
    used = feature_steps(features_dir)
    lines = ["# Stegvokabulär", "",
             "Alla steg som finns att skriva scenarier med. Genererad av `vmqa vocabulary` ur `steps/`, `features/`,",
             "tjänsten (mottagningar, tolkspråk) och konfigurationen (nätprofiler, betyg, roller): ändra inte för hand.",
             "Parametrar står inom `<>`; exemplen är hämtade ur featurefilerna.", "", _HOW_TO]
    lines += _roles_section(values) + _values_section(values, features_dir)
    examples_per_area: dict[str, str] = {}
    area = None
    for definition in definitions:
        if definition.area != area:
            area = definition.area
            lines += ["", f"## {area}", "", "| steg | behöver | ger | roller | exempel |", "|---|---|---|---|---|"]
        phrase = f"`{definition.keyword} {shown_phrase(definition.phrase)}`"
        if definition.columns:
            phrase += "<br>tabell med kolumnerna " + ", ".join(f"*{header}*" for header, _ in definition.columns)
        example = _example(definition, used)
        shown_example = f"`{KEYWORDS[example.type]} {example.text}` ({example.where})" if example else \
            "*(används inte i någon feature än)*"
        if example and area not in examples_per_area:
            examples_per_area[area] = example.scenario
        gives = what.get(definition.gives, definition.gives) if definition.gives else "–"
        lines.append(f"| {_cell(phrase)} | {_cell(_needs_text(definition))} | {_cell(gives)} | "
                     f"{_cell(_roles_text(definition))} | {_cell(shown_example)} |")
    lines += ["", "## Ett helt scenario per område", ""]
    for area_name, scenario in examples_per_area.items():
        lines += [f"### {area_name}", "", "```gherkin", scenario, "```", ""]
    return "\n".join(lines).rstrip() + "\n"
