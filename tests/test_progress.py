"""Live progress: what pytest and Locust have done so far, read from the files they write while they
run, shown live in a terminal and as plain lines in CI."""

from __future__ import annotations

import csv
import io
import os
import pty
import select
import subprocess
import sys
from pathlib import Path

import pytest

from vardmote_qa.progress.display import (LOAD_LINE_INTERVAL_S, OUTCOME_WORDS, QUIET_NOTICE_S, LineDisplay,
                                          LiveDisplay, choose_display, runs_in_terminal)
from vardmote_qa.progress.follow import wait_following
from vardmote_qa.progress.load_figures import StatsHistoryReader
from vardmote_qa.progress.scenarios import (ScenarioEventReader, ScenarioFinished, ScenarioOutcome,
                                            ScenariosCollected, parse_event)

RECORDS = Path(__file__).resolve().parent / "progress_records"
# Recorded in a nightly run (`CI=true vmqa nightly --env local`): the video part's scenario events (three
# passed, two failed on a busy machine) and the load part's first 40 seconds of Locust statistics history.
RECORDED_EVENTS = RECORDS / "progress.jsonl"
RECORDED_HISTORY = RECORDS / "locust_stats_history.csv"


class SteppedClock:
    """The display's clock, moved by the test (the figures shown are never made up: they come from files)."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def appended_in_pieces(source: Path, target: Path, pieces: int):
    """Writes source into target in pieces cut anywhere (mid-line too), as a child process appends."""
    data = source.read_bytes()
    cuts = [len(data) * number // pieces for number in range(pieces + 1)]
    for start, end in zip(cuts, cuts[1:]):
        with target.open("ab") as file:
            file.write(data[start:end])
        yield


def test_a_ci_display_prints_a_line_per_finished_scenario_from_a_recorded_run(tmp_path):
    recorded = [parse_event(line) for line in RECORDED_EVENTS.read_text(encoding="utf-8").splitlines()]
    finished = [event for event in recorded if isinstance(event, ScenarioFinished)]
    assert isinstance(recorded[0], ScenariosCollected)
    assert {event.outcome for event in finished} == {ScenarioOutcome.PASSED, ScenarioOutcome.FAILED}
    output, clock = io.StringIO(), SteppedClock()
    events_file = tmp_path / "progress.jsonl"
    reader = ScenarioEventReader(events_file)

    with LineDisplay(output, clock).part("videoprofilerna") as progress:
        for _ in appended_in_pieces(RECORDED_EVENTS, events_file, pieces=7):
            clock.now += 20
            for event in reader.new_events():
                progress.scenario_event(event)
            progress.tick()

    text = output.getvalue()
    assert "\x1b" not in text and "\r" not in text
    lines = text.splitlines()
    assert f"  videoprofilerna: {recorded[0].count} scenarier att köra" in lines
    scenario_lines = [line for line in lines if any(word in line for word in OUTCOME_WORDS.values())]
    assert len(scenario_lines) == len(finished)
    for line, event in zip(scenario_lines, finished):
        assert event.name in line and OUTCOME_WORDS[event.outcome] in line
    passed = sum(event.outcome is ScenarioOutcome.PASSED for event in finished)
    failed = sum(event.outcome is ScenarioOutcome.FAILED for event in finished)
    expected = recorded[0].count
    assert lines[-1].startswith(f"  videoprofilerna: klart på 2:20 – {len(finished)} av {expected} scenarier")
    assert f"{passed} godkända, {failed} underkända" in lines[-1]


def test_a_silent_part_says_once_a_minute_that_it_is_still_running():
    output, clock = io.StringIO(), SteppedClock()
    with LineDisplay(output, clock).part("videoprofilerna") as progress:
        progress.scenario_event(ScenariosCollected(5))
        for _ in range(int(3 * QUIET_NOTICE_S)):  # three silent minutes, polled every second
            clock.now += 1
            progress.tick()
    lines = output.getvalue().splitlines()
    assert [line for line in lines if "pågår" in line] == [
        "  videoprofilerna 0/5 1:00  pågår … (0 godkända, 0 underkända)",
        "  videoprofilerna 0/5 2:00  pågår … (0 godkända, 0 underkända)",
        "  videoprofilerna 0/5 3:00  pågår … (0 godkända, 0 underkända)"]


def test_a_part_cut_short_says_so_and_lets_the_interruption_through():
    output, clock = io.StringIO(), SteppedClock()
    with pytest.raises(KeyboardInterrupt):
        with LineDisplay(output, clock).part("acceptanstesterna") as progress:
            progress.scenario_event(ScenariosCollected(42))
            clock.now += 75
            progress.scenario_event(ScenarioFinished("Bokat videomöte", ScenarioOutcome.PASSED, 11.9))
            raise KeyboardInterrupt
    assert output.getvalue().splitlines()[-1] == (
        "  acceptanstesterna: avbröts efter 1:15 – 1 av 42 scenarier, 1 godkänd, 0 underkända")


def aggregated_rows(history: Path) -> list[dict[str, str]]:
    with history.open(encoding="utf-8", newline="") as file:
        return [row for row in csv.DictReader(file) if row["Name"] == "Aggregated"]


def test_a_ci_display_prints_locust_figures_every_interval_from_a_recorded_history(tmp_path):
    rows = aggregated_rows(RECORDED_HISTORY)
    assert len(rows) > 10
    output, clock = io.StringIO(), SteppedClock()
    history_file = tmp_path / "locust_stats_history.csv"
    reader = StatsHistoryReader(history_file)
    pieces, step_s = 12, 5.0

    with LineDisplay(output, clock).part("lasttestet") as progress:
        progress.load_planned(120)
        for _ in appended_in_pieces(RECORDED_HISTORY, history_file, pieces):
            clock.now += step_s
            progress.load_figures(reader.latest())
            progress.tick()

    text = output.getvalue()
    assert "\x1b" not in text and "\r" not in text
    lines = text.splitlines()
    load_lines = [line for line in lines if "förfrågningar/s" in line]
    # One line at the start, then one per LOAD_LINE_INTERVAL_S at the most, never one per poll.
    assert 2 <= len(load_lines) <= 1 + pieces * step_s / LOAD_LINE_INTERVAL_S
    last = rows[-1]
    figures = reader.latest()
    assert (figures.users, figures.requests, figures.failures) == (
        int(last["User Count"]), int(last["Total Request Count"]), int(last["Total Failure Count"]))
    shown_users = {int(row["User Count"]) for row in rows}
    for line in load_lines:
        users = int(line.split("  ", 2)[2].split(" användare")[0].replace(" ", ""))
        assert users in shown_users, line
    requests = f"{int(last['Total Request Count']):,}".replace(",", " ")
    assert lines[-1] == (f"  lasttestet: klart på 1:00 – högst {max(shown_users)} användare, "
                         f"{requests} förfrågningar, {int(last['Total Failure Count'])} fel")


def test_the_pytest_plugin_writes_each_attempt_and_the_final_outcome(tmp_path):
    (tmp_path / "test_three.py").write_text(
        "import pathlib\n"
        "def test_passes():\n    pass\n"
        "def test_fails():\n    assert False\n"
        "def test_passes_on_retry():\n"
        "    marker = pathlib.Path(__file__).with_name('tried')\n"
        "    if not marker.exists():\n        marker.write_text('x')\n        assert False\n",
        encoding="utf-8")
    (tmp_path / "pytest.ini").write_text("[pytest]\n", encoding="utf-8")
    events_file = tmp_path / "run" / "progress.jsonl"
    completed = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--reruns", "1",
                                "-p", "vardmote_qa.pytest_plugin.progress", "--progress-file", str(events_file),
                                "test_three.py"], cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert completed.returncode == 1, completed.stdout + completed.stderr
    events = ScenarioEventReader(tmp_path / "elsewhere").new_events()  # a file that does not exist: nothing
    assert events == []
    events = [parse_event(line) for line in events_file.read_text(encoding="utf-8").splitlines()]
    assert events[0] == ScenariosCollected(3)
    assert [(event.name, event.outcome) for event in events[1:]] == [
        ("test_passes", ScenarioOutcome.PASSED),
        ("test_fails", ScenarioOutcome.RERUN), ("test_fails", ScenarioOutcome.FAILED),
        ("test_passes_on_retry", ScenarioOutcome.RERUN), ("test_passes_on_retry", ScenarioOutcome.PASSED)]


def test_the_live_display_is_chosen_only_for_a_terminal_outside_ci(tmp_path):
    leader, follower = pty.openpty()
    with os.fdopen(follower, "w", encoding="utf-8") as terminal, (tmp_path / "log").open("w") as log_file:
        assert runs_in_terminal(terminal, {})
        assert runs_in_terminal(terminal, {"CI": "false"})
        assert not runs_in_terminal(terminal, {"CI": "true"})
        assert not runs_in_terminal(log_file, {})
        assert not runs_in_terminal(io.StringIO(), {})
        assert isinstance(choose_display(terminal, {}), LiveDisplay)
        assert isinstance(choose_display(terminal, {"CI": "true"}), LineDisplay)
        assert isinstance(choose_display(log_file, {}), LineDisplay)

        with choose_display(terminal, {}).part("videoprofilerna") as progress:
            progress.scenario_event(ScenariosCollected(2))
            progress.scenario_event(ScenarioFinished("Videobesök på bredband", ScenarioOutcome.PASSED, 31.5))
        terminal.flush()
    shown = b""
    while select.select([leader], [], [], 0.5)[0]:
        try:
            shown += os.read(leader, 65536)
        except OSError:
            break
    os.close(leader)
    text = shown.decode("utf-8", "replace")
    assert "\x1b[" in text, "a terminal gets rich's live display"
    assert "Videobesök på bredband" in text and "videoprofilerna: klart på" in text


def test_waiting_for_a_child_follows_it_until_it_exits_and_keeps_the_bound():
    looks = []
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(1.5)"])
    assert wait_following(child, timeout_s=30, follow=lambda: looks.append(child.poll())) == 0
    assert len(looks) >= 2 and looks[0] is None  # looked while it ran, and once more after it ended

    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        with pytest.raises(subprocess.TimeoutExpired):
            wait_following(sleeper, timeout_s=1.0, follow=lambda: None)
        assert sleeper.poll() is None  # the caller decides what to do with a child that overran
    finally:
        sleeper.kill()
        sleeper.wait()
