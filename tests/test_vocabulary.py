"""The step vocabulary lists every step phrase with an example a tester can copy."""

from vardmote_qa.actors.roles import ROLES
from vardmote_qa.cli import main
from vardmote_qa.config import PROJECT_ROOT
from vardmote_qa.vocabulary import as_markdown, collect, shown_phrase, staff_duties

# Step areas of the patient's ways in; each of their steps is used by some feature.
AREAS_WITH_EXAMPLES = {"Chatt", "Patientinitierade ärenden och mottagningens kö", "Personal, roller och åtkomst",
                       "Anonym inloggning", "Samtycke", "SMS-texter", "Besöket: bokning, kallelse, väntrum, avslut"}


def test_every_step_of_these_areas_has_an_example_from_a_feature():
    entries = [entry for entry in collect() if entry.area in AREAS_WITH_EXAMPLES]
    assert {entry.area for entry in entries} == AREAS_WITH_EXAMPLES
    missing = [entry.phrase for entry in entries if entry.example is None]
    assert not missing, f"steg utan exempel: {missing}"


def test_parameters_are_shown_in_swedish():
    assert shown_phrase('{role:Roll} lämnar ärendet "{text}" som {kind:w}') == '<roll> lämnar ärendet "<text>" som <form>'


def test_the_document_names_the_roles_and_an_example(tmp_path):
    text = as_markdown(collect(), ROLES)
    assert "*den anonyma patienten*" in text
    assert "| `Givet att <roll> arbetar på <mottagning>` | `Givet att vårdpersonalen arbetar på" in text


def test_the_command_writes_the_document(tmp_path, capsys):
    assert main(["vocabulary", "--output", str(tmp_path / "vokabular.md")]) == 0
    assert (tmp_path / "vokabular.md").read_text(encoding="utf-8").startswith("# Stegvokabulär")


def test_the_committed_document_is_what_the_command_writes():
    committed = (PROJECT_ROOT / "docs" / "vocabulary.md").read_text(encoding="utf-8")
    assert committed == as_markdown(collect(), ROLES), "docs/vocabulary.md är inaktuell: kör `vmqa vocabulary`"


def test_every_staff_role_word_is_described_by_its_duty():
    duties = staff_duties(ROLES)
    assert duties.startswith("vårdpersonalen och kollegan möter patienter, sekreteraren bokar och läser")
    assert "enhetsadministratören konfigurerar men läser inga besök" in duties
