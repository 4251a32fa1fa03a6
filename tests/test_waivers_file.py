import datetime as dt

import pytest

from vardmote_qa.errors import UserError
from vardmote_qa.gate.waivers import load_waivers, validate_against


def write(tmp_path, text):
    path = tmp_path / "waivers.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_waivers_and_quarantine_are_read_with_dates(tmp_path):
    loaded = load_waivers(write(tmp_path, """
waivers:
  - {scenario: "A", who: Anna, why: känt fel, until: 2026-12-15}
quarantine:
  - {scenario: "B", who: Bo, why: instabil, until: 2026-11-30}
"""))
    assert loaded.waivers[0].until == dt.date(2026, 12, 15)
    assert loaded.active_quarantine(dt.date(2026, 11, 30)) == {"B"}
    assert loaded.active_quarantine(dt.date(2026, 12, 1)) == frozenset()


@pytest.mark.parametrize("text, message", [
    ("waivers:\n  - {scenario: A, why: x, until: 2026-12-01}", "fältet 'who' saknas"),
    ("waivers:\n  - {scenario: A, who: x, why: x, until: snart}", "'until' måste vara ett datum"),
    ("waivers:\n  - {who: x, why: x, until: 2026-12-01}", "ange 'criterion' eller 'scenario'"),
    ("quarantine:\n  - {criterion: c, who: x, why: x, until: 2026-12-01}", "en karantän gäller ett scenario"),
    ("waivers: [", "inte giltig YAML"),
])
def test_a_bad_waiver_is_one_sentence(tmp_path, text, message):
    with pytest.raises(UserError, match=message):
        load_waivers(write(tmp_path, text))


def test_a_waiver_for_an_unknown_criterion_is_refused(tmp_path):
    loaded = load_waivers(write(tmp_path, "waivers:\n  - {criterion: load.x, who: a, why: b, until: 2026-12-01}"))
    with pytest.raises(UserError, match="load.x gäller ett kriterium som inte finns"):
        validate_against(loaded, {"acceptance.critical"})


def test_an_unknown_key_in_a_waiver_is_refused_with_the_nearest_key(tmp_path):
    with pytest.raises(UserError) as refused:
        load_waivers(write(tmp_path, "waivers:\n  - {scenario: A, whom: Anna, why: x, until: 2026-12-01}"))
    assert refused.value.message == "waivers.yaml, undantag 1: okänd nyckel 'whom' (menade du 'who'?)."


def test_an_unknown_key_at_the_top_of_the_waivers_file_is_refused(tmp_path):
    with pytest.raises(UserError, match="okänd nyckel 'karantän' \\(menade du 'quarantine'\\?\\)"):
        load_waivers(write(tmp_path, "karantän: []"))
