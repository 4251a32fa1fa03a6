"""The conference bench's accounting (bench/conference_bench.py), pure: a level holds only when every pair of
every round was judged and "bra"; a pair the machine could not judge, a broken conference or a pair that is
merely "godtagbar" is not a pass, and the answer is the largest level held with every smaller one held."""

from __future__ import annotations

from meeting_results import STARVED, meeting_result as _meeting
from vardmote_qa.bench.conference_bench import (answer_sv, conference_figures, holds, level_figures, most_held,
                                                role_words, round_order, summary_text)
from vardmote_qa.media.tiers import Tier


def _level(participants: int, *results):
    return level_figures(participants, [conference_figures(participants, r, None if r else "TimeoutError: 30 s")
                                        for r in results])


def test_a_clean_conference_of_four_is_twelve_pairs_all_good_and_holds():
    figures = conference_figures(4, _meeting(4, ttff=0.7, freeze=0.5), cpu_share=0.61)
    assert (figures["pairs"], figures["good"], figures["not_judged"]) == (12, 12, 0)
    assert figures["worst_first_frame_s"] == 0.7 and figures["worst_freeze_ratio"] == 0.5
    assert holds(figures) and figures["cpu_share"] == 0.61


def test_a_pair_not_judged_is_counted_and_named_and_the_level_does_not_hold():
    starved = ("patient 2", "vårdpersonalen")
    level = _level(3, _meeting(3), _meeting(3, not_judged=(starved,)))
    assert (level["pairs"], level["good"], level["not_judged"]) == (12, 11, 1)
    label = "patient 2 från vårdpersonalen"
    assert level["not_judged_pairs"] == [f"{label}: {STARVED.format(label)}"]
    assert not level["held"]


def test_a_pair_merely_godtagbar_or_a_broken_conference_does_not_hold():
    acceptable = _level(3, _meeting(3, tiers={("patienten", "patient 2"): Tier.ACCEPTABLE}))
    assert (acceptable["good"], acceptable["acceptable"], acceptable["held"]) == (5, 1, False)
    broken = _level(4, _meeting(4), None)
    assert (broken["pairs"], broken["broken_pairs"], broken["broken_conferences"]) == (24, 12, 1)
    assert broken["good"] == 12 and not broken["held"]
    assert broken["broken"] == ["TimeoutError: 30 s"]


def test_the_answer_is_the_largest_level_held_with_every_smaller_level_held_too():
    levels = [_level(3, _meeting(3)), _level(4, _meeting(4, not_judged=(("patienten", "patient 3"),))),
              _level(5, _meeting(5))]
    assert most_held(levels) == 3  # 5 held, but 4 did not: the machine's answer is 3
    figures = {"machine": {"cores": 2}, "seconds": 15, "rounds": 1, "levels": levels,
               "most_participants_held": most_held(levels)}
    assert answer_sv(figures) == 'En konferens här håller 3 deltagare med alla par "bra".'
    text = summary_text(figures)
    assert "ej bedömt: patienten från patient 3: datorn som kör testet hann inte med under 12 av 15 s" in text
    failing_first = [_level(3, _meeting(3, tiers={("patienten", "vårdpersonalen"): Tier.FAIL}))]
    assert most_held(failing_first) == 0
    assert answer_sv({**figures, "levels": failing_first, "most_participants_held": 0}) == \
        'En konferens här håller inte ens 3 deltagare med alla par "bra".'


def test_rounds_alternate_the_order_of_the_levels():
    assert [round_order([3, 4, 5], n) for n in range(3)] == [[3, 4, 5], [5, 4, 3], [3, 4, 5]]
    assert role_words(4) == ["vårdpersonalen", "patienten", "patient 2", "patient 3"]
