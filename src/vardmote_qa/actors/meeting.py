"""A meeting of several, as its participants experience it: everyone receives everyone, names without
identity numbers. The judging is media/conference.py's; this waits for it within a stated bound."""

from __future__ import annotations

import re
import time

from ..media.assessment import VisitAssessment
from ..media.conference import check_meeting, problems, summary_sv
from ..media.meeting_quality import MIN_MEASURED_S, MeetingResult, assess_meeting, pairs_not_ready
from ..media.record import write_visit
from ..media.thresholds import load_thresholds
from ..waiting import (CONFERENCE_MEDIA_TIMEOUT_S, MEETING_QUALITY_TIMEOUT_S, MEETING_SAMPLES_POLL_S, NotYet,
                       expect_within)
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
    """The meeting's quality per receiver and per sender: waits up to MEETING_QUALITY_TIMEOUT_S until every
    pair has MIN_MEASURED_S seconds after its first frame, then judges what the pages sampled, whatever came
    (a pair that never got going is the verdict's to name), and writes it where a visit's verdict goes."""
    def look():
        return [person.media_report() for person in participants]

    try:
        reports = expect_within(look, lambda reports: not pairs_not_ready(reports), bound_s=MEETING_QUALITY_TIMEOUT_S,
                                what=f"{MIN_MEASURED_S:.0f} s media för varje par i mötet",
                                describe=lambda reports: (", ".join(pairs_not_ready(reports)) or "alla par klara")
                                if isinstance(reports, list) else str(reports),
                                interval=MEETING_SAMPLES_POLL_S)
    except NotYet:
        reports = look()
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
