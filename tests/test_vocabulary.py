"""The step vocabulary: the published page is what the steps, the service and the configuration say, every
feature passes the check, and the check refuses what cannot run with one sentence per problem."""

from pathlib import Path

import pytest

from vardmote_qa.cli import main
from vardmote_qa.commands.vocabulary import check_files
from vardmote_qa.config import PROJECT_ROOT, load_environment
from vardmote_qa.target import open_target
from vardmote_qa.vocabulary.document import as_markdown
from vardmote_qa.vocabulary.steps import collect, shown_phrase
from vardmote_qa.vocabulary.values import read_accepted_values

BROKEN = Path(__file__).parent / "vocabulary_broken"
# Step areas whose every step some feature uses (the video area is measured, see docs/video.md).
AREAS_WITH_EXAMPLES = {"Chatt", "Patientinitierade ärenden och mottagningens kö", "Personal, roller och åtkomst",
                       "Anonym inloggning", "Samtycke", "SMS-texter",
                       "Besöket: bokning, kallelse, påminnelse, väntrum, avslut"}


@pytest.fixture(scope="module")
def values(sandbox):
    environment = load_environment("local")
    return read_accepted_values(open_target(environment, sandbox.base_url), environment)


def test_every_feature_passes_the_check(values):
    problems = check_files([PROJECT_ROOT / "features"], values)
    assert not problems, "\n".join(str(problem) for problem in problems)


def test_the_committed_document_is_what_the_command_writes(values):
    committed = (PROJECT_ROOT / "docs" / "vocabulary.md").read_text(encoding="utf-8")
    assert committed == as_markdown(collect(), values), "docs/vocabulary.md är inaktuell: kör `vmqa vocabulary`"


def test_the_document_takes_its_values_from_the_service_and_the_configuration(values):
    text = as_markdown(collect(), values)
    assert "| Substitutionsmottagningen | ja | – | – |" in text  # takes errands, by direct link only
    assert "| MiniMaria | ja | – | ja |" in text
    assert "teckenspråk" in text and "svagt-4g (Mobilnät med svag täckning)" in text
    assert "bildfrekvensen jämfört med sändarens kamera" in text
    assert "miljöns vårdpersonalkonto på Vårdcentralen Hisingen" in text
    assert "tabell med kolumnerna *avsändare*, *meddelande*" in text
    assert "| *sekreteraren* | personal | boka möten och skicka påminnelser; läsa mottagningens besök" in text


def test_every_step_of_these_areas_has_an_example_from_a_feature(values):
    text = as_markdown(collect(), values)
    for area in AREAS_WITH_EXAMPLES:
        section = text.split(f"## {area}\n", 1)[1].split("\n## ", 1)[0]
        assert "används inte i någon feature än" not in section, f"steg utan exempel i {area}"
        assert f"### {area}\n" in text, f"inget helt scenario för {area}"


def test_parameters_are_shown_in_swedish():
    assert shown_phrase('{role:Roll} lämnar ärendet "{text}" som {kind:Ärendeform}') == \
        '<roll> lämnar ärendet "<text>" som <form>'


def _sentences(values, name: str) -> list[str]:
    return [f"{problem.line}: {problem.sentence}" for problem in check_files([BROKEN / name], values)]


def test_an_unknown_step_and_an_unknown_unit_are_named_with_the_nearest(values):
    found = _sentences(values, "okant_steg_och_varde.feature")
    assert found[0].startswith("7: <mottagning> kan inte vara 'Ungdomsmottagning' (menade du 'Ungdomsmottagningen'?)")
    assert found[1] == ('8: okänt steg "När patienten ringer Ungdomsmottagningen"; närmast känt steg är '
                        '"När <roll> öppnar direktlänken till <mottagning>"')
    assert len(found) == 2


def test_a_check_of_an_errand_never_left_says_which_step_gives_one(values):
    assert _sentences(values, "saknar_arende.feature") == [
        '7: sekreteraren har inget konto i scenariot än: skriv först "Givet att sekreteraren arbetar på <mottagning>"',
        "7: steget behöver ett ärende, men inget tidigare steg i scenariot gav det; skriv före det till exempel "
        "'När <roll> lämnar ärendet \"<text>\" som <form>' eller "
        "'Givet att <patient> har lämnat ärendet \"<text>\" hos <mottagning>'"]


def test_a_role_the_table_does_not_allow_and_a_misspelt_tag_are_refused(values):
    assert _sentences(values, "fel_roll_och_tagg.feature") == [
        "3: taggen '@kritsk' finns inte i kravkatalogen eller bland taggarna (menade du '@kritisk'?)",
        "8: enhetsadministratören får inte möta patienter enligt rolltabellen; steget gäller 'vårdpersonalen', "
        "'kollegan', 'specialisten'; för andra roller finns \"kan <roll> inte ...\"-steg"]


def test_the_command_refuses_before_anything_runs(sandbox, capsys):
    assert main(["vocabulary", "--check", str(BROKEN), "--target-url", sandbox.base_url]) == 2
    out = capsys.readouterr().out
    assert "tests/vocabulary_broken/saknar_arende.feature:7: steget behöver ett ärende" in out
    assert out.rstrip().endswith("6 steg går inte att köra som de står; inget har körts.")


def test_the_command_writes_the_document(sandbox, tmp_path, capsys):
    assert main(["vocabulary", "--output", str(tmp_path / "vokabular.md"), "--target-url", sandbox.base_url]) == 0
    assert (tmp_path / "vokabular.md").read_text(encoding="utf-8").startswith("# Stegvokabulär")


def test_a_missing_feature_file_is_one_sentence(capsys):
    assert main(["vocabulary", "--check", "features/finns-inte.feature"]) == 2
    assert capsys.readouterr().out.strip() == "Featurefilen features/finns-inte.feature finns inte."
