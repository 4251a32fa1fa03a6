"""A meeting of several, as its participants experience it: everyone receives everyone, names without
identity numbers. The judging is media/conference.py's; this waits for it within a stated bound."""

from __future__ import annotations

import re
import time

from ..media.assessment import VisitAssessment
from ..media.conference import check_meeting, problems, summary_sv
from ..media.meeting_quality import MeetingResult, assess_meeting, sample_meeting
from ..media.record import write_visit
from ..media.thresholds import load_thresholds
from ..waiting import CONFERENCE_MEDIA_TIMEOUT_S, NotYet, expect_within
from .participant import Participant


def expect_everyone_receives_everyone(participants: list[Participant]) -> None:
    """Every receiver, from its own getStats, gets video (frames growing, a frame size) and audio (energy
    growing) from every other participant within CONFERENCE_MEDIA_TIMEOUT_S; else names each pair missing."""
    started = time.monotonic()

    def look():
        return check_meeting([person.meeting_page() for person in participants])

    try:
        checks = expect_within(look, lambda checks: not problems(checks), bound_s=CONFERENCE_MEDIA_TIMEOUT_S,
                               what=f"{len(participants)} deltagare som tar emot varandra",
                               describe=lambda checks: summary_sv(checks) if isinstance(checks, list)
                               else str(checks))
    except NotYet as not_yet:
        last = problems(look())
        raise AssertionError(f"Alla i mötet ser och hör inte varandra: {'; '.join(last) or 'nu ok'} "
                             f"({not_yet})") from None
    took_s = round(time.monotonic() - started, 1)
    for person in participants:
        person.evidence.attach_media_stats(f"Mediastatistik per avsändare {person.role_word}",
                                           {"all_received_within_s": took_s, "bound_s": CONFERENCE_MEDIA_TIMEOUT_S,
                                            "checks": [check.sv() for check in checks
                                                       if check.receiver == person.role_word]})


def judge_meeting(participants: list[Participant], assessment: VisitAssessment) -> MeetingResult:
    """The meeting's quality per receiver and per sender, on what the pages sampled once every pair has its
    measured seconds (sample_meeting), written where a visit's verdict goes."""
    reports = sample_meeting(lambda: [person.media_report() for person in participants])
    result = assess_meeting(assessment.label, reports, load_thresholds(), assessment.browsers_waiting(),
                            assessment.tags)
    write_visit(result, assessment.run_dir, assessment.label)
    return result


_DIGITS = re.compile(r"\d")


def identity_numbers_shown(names: dict[str, str], personnummers: list[str]) -> list[str]:
    """The shown names that carry an identity number: one of the meeting's, with or without its dash and
    century, or any run of six digits or more (a date of birth is already too much)."""
    forms = {form for number in personnummers if number
             for digits in ["".join(_DIGITS.findall(number))] for form in (digits, digits[-10:], number)}
    return [name for name in names.values()
            if any(form and form in name for form in forms) or re.search(r"\d{6,}", name.replace("-", ""))]
