"""`make bench-load` part (a) judged from synthetic round results (no sandbox, no load run): the measured
period, equal work within the tolerance, loss on both sides, writing while measured, the ratio per pair
with median and spread, and the one Swedish sentence that fails the benchmark."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from vardmote_qa.bench import chat_round
from vardmote_qa.bench.asyncio_chat import CountingReporter
from vardmote_qa.bench.chat_round import ChatWork
from vardmote_qa.load.chat import Inbox, Outbox

WORK = ChatWork(meetings=10, messages_per_side=40, interval_s=0.25)  # 800 messages per round
SRC = Path(__file__).resolve().parents[1] / "src"


def rows(work: ChatWork, cpu_per_message: float, *, start_s: float = 2.0, written: int = 0,
         sides: int | None = None, sent_total: int | None = None) -> list[list]:
    """Samples every 0.5 s: setup until start_s (sides join), then the chat at an even pace over 10 s,
    one message's CPU each, the deliveries one sample behind; `written` bytes appear mid-chat."""
    sides = work.sides if sides is None else sides
    sent_total = work.planned_sent if sent_total is None else sent_total
    samples, cpu = [], 0.0
    for step in range(int((start_s + 12) / 0.5)):
        t = step * 0.5
        share = min(1.0, max(0.0, (t - start_s) / 10))
        previous = min(1.0, max(0.0, (t - 0.5 - start_s) / 10))
        sent, delivered = round(share * sent_total), round(previous * sent_total)
        cpu = 0.1 * t if t < start_s else 0.1 * start_s + cpu_per_message * delivered
        chatting = sides if t >= start_s else 0
        samples.append([1000.0 + t, cpu, chatting, sent, delivered, written if t > start_s + 5 else 0])
    return samples


def handed(work: ChatWork, cpu_per_message: float, *, lost: int = 0, duplicated: int = 0, sent: int | None = None,
           **options) -> dict:
    sent = work.planned_sent if sent is None else sent
    chat = {"sent": sent, "delivered": sent - lost, "lost": lost, "duplicated": duplicated, "reordered": 0,
            "untimed": 0, "unnumbered": 0}
    return {"samples": rows(work, cpu_per_message, sent_total=sent, **options), "chat": chat}


def pair(locust: dict | None, asyncio: dict | None, work: ChatWork = WORK) -> dict:
    return chat_round.pair_result(chat_round.round_result("locust", work, locust),
                                  chat_round.round_result("asyncio", work, asyncio), work)


def test_measured_period_runs_from_every_side_chatting_to_every_message_sent():
    period = chat_round.measured(rows(WORK, 0.001), WORK)
    # chatting from t=2 s, all 800 sent at t=12 s; 760 delivered meanwhile (one sample behind), 1 ms each
    assert period["wall_s"] == pytest.approx(10.0)
    assert period["delivered"] == 760
    assert period["cpu_s"] == pytest.approx(0.76)
    assert period["delivered_per_cpu_s"] == pytest.approx(1000.0)
    assert period["written_bytes"] == 0


def test_no_measured_period_when_a_side_never_chats_or_a_message_is_never_sent():
    assert chat_round.measured(rows(WORK, 0.001, sides=WORK.sides - 1), WORK) is None
    assert chat_round.measured(rows(WORK, 0.001, sent_total=WORK.planned_sent - 1), WORK) is None


def test_equal_work_gives_the_ratio_of_delivered_per_cpu_second():
    result = pair(handed(WORK, 0.002), handed(WORK, 0.001))
    assert result["problems"] == []
    assert result["ratio"] == pytest.approx(0.5)


def test_sent_apart_beyond_the_tolerance_fails_the_pair_with_both_counts():
    fewer = WORK.planned_sent - 9  # 9 of 800 is more than 1 %
    result = pair(handed(WORK, 0.002, sent=fewer), handed(WORK, 0.001))
    assert result["ratio"] is None
    assert f"Locust skickade {fewer} och asyncio {WORK.planned_sent} meddelanden, mer än 1% isär" in result["problems"]
    within = pair(handed(WORK, 0.002, sent=WORK.planned_sent - 8), handed(WORK, 0.001))
    assert not any("isär" in problem for problem in within["problems"])


def test_loss_on_one_side_only_fails_the_pair_and_equal_loss_does_not():
    result = pair(handed(WORK, 0.002), handed(WORK, 0.001, lost=1))
    assert result["ratio"] is None
    assert "förlorade meddelanden skiljer: Locust 0, asyncio 1" in result["problems"]
    duplicated = pair(handed(WORK, 0.002, duplicated=2), handed(WORK, 0.001))
    assert "dubbletter skiljer: Locust 2, asyncio 0" in duplicated["problems"]
    equal = pair(handed(WORK, 0.002, lost=3), handed(WORK, 0.001, lost=3))
    assert equal["problems"] == [] and equal["ratio"] == pytest.approx(0.5)


def test_accounting_that_does_not_add_up_is_a_problem():
    broken = handed(WORK, 0.002)
    broken["chat"]["delivered"] -= 5  # five messages neither delivered nor counted lost: a meeting never settled
    result = pair(broken, handed(WORK, 0.001))
    assert "Locusts räkning går inte ihop (skickade 800, levererade 795, förlorade 0)" in result["problems"]


def test_writing_while_measured_fails_the_pair():
    result = pair(handed(WORK, 0.002), handed(WORK, 0.001, written=120))
    assert result["ratio"] is None
    assert "asyncio skrev 120 byte medan det mättes" in result["problems"]


def test_a_round_that_handed_nothing_over_or_chatted_too_little_is_no_measure():
    result = pair(None, handed(WORK, 0.001, sides=WORK.sides - 2))
    assert "Locust lämnade inget resultat efter omgången" in result["problems"]
    assert f"asyncio fick {WORK.sides - 2} av {WORK.sides} deltagare att chatta" in result["problems"]
    assert any(problem.startswith("asyncio hade ingen mätperiod") for problem in result["problems"])


def test_rounds_take_turns_pair_by_pair():
    assert [chat_round.order(i) for i in range(4)] == [("locust", "asyncio"), ("asyncio", "locust"),
                                                        ("locust", "asyncio"), ("asyncio", "locust")]


def test_summary_gives_median_and_spread_and_counts_pairs_without_ratio():
    pairs = [pair(handed(WORK, cost), handed(WORK, 0.001)) for cost in (0.002, 0.0025, 0.004)]
    pairs.append(pair(handed(WORK, 0.002, lost=1), handed(WORK, 0.001)))
    result = chat_round.summary(pairs, WORK)
    assert result["ratios"] == pytest.approx([0.5, 0.4, 0.25])
    assert (result["ratio"], result["ratio_min"], result["ratio_max"]) == pytest.approx((0.4, 0.25, 0.5))
    assert result["pairs_without_ratio"] == 1
    assert result["problems"] == ["par 4: förlorade meddelanden skiljer: Locust 1, asyncio 0"]
    assert result["work"]["planned_sent"] == 800 and result["order"][1] == ["asyncio", "locust"]
    sentence = chat_round.failure_sentence(result)
    assert sentence == ("Lastbänken underkänd, Locust och asyncio jämfördes inte på lika villkor: "
                        "par 4: förlorade meddelanden skiljer: Locust 1, asyncio 0.")
    lines = chat_round.table_lines(json.loads(json.dumps(result)))  # as read back from the JSON
    text = "\n".join(lines)
    assert "samma arbete per omgång för båda: 10 möten, 20 deltagare, 40 meddelanden per deltagare" in text
    assert "median 0.40, spridning 0.25–0.50 över 3 par" in text
    assert "(L A A L L A A L)" in text
    assert text.count("    omgång ") == 8 and "1 par utan kvot" in text


def test_equal_pairs_give_no_failure_sentence():
    result = chat_round.summary([pair(handed(WORK, 0.002), handed(WORK, 0.001))], WORK)
    assert chat_round.failure_sentence(result) is None
    assert chat_round.failure_sentence(chat_round.summary([], WORK)).endswith("inga omgångspar kördes.")


def chat(seq, sent_at=1000.0):
    return {"sender_kind": "staff", "sender_seq": seq, "sent_at": sent_at, "text": "hej"}


def test_the_asyncio_client_counts_with_the_load_tests_inbox_and_accounting():
    reporter, outbox = CountingReporter(), Outbox()
    inbox = Inbox(reporter, "staff")
    outbox.sent = 5
    for seq in (1, 3, 2, 3):  # 2 out of order, 3 twice, 4 and 5 never
        inbox.on_chat(chat(seq), 1000.02)
    inbox.on_chat({**chat(9), "sender_kind": "patient"}, 1000.02)  # our own echo: not counted
    inbox.settle(outbox, timeout=0)
    assert reporter.accounting(sent=5) == {"sent": 5, "delivered": 3, "lost": 2, "duplicated": 1, "reordered": 1,
                                           "untimed": 0, "unnumbered": 0}
    assert reporter.latencies_ms == pytest.approx([20.0, 20.0])


def test_the_asyncio_accounting_equals_locusts_own_statistics_for_the_same_messages():
    """The same arrivals through Locust's request events and statistics, in a process of its own (Locust
    patches the process that imports it)."""
    script = textwrap.dedent("""
        import json
        from locust.env import Environment
        from vardmote_qa.bench.asyncio_chat import CountingReporter
        from vardmote_qa.load.chat import SEND, Inbox, Outbox
        from vardmote_qa.load.clients import Reporter
        from vardmote_qa.load.summary import chat_accounting

        def play(reporter, timed_sends):
            outbox, inbox = Outbox(), Inbox(reporter, "staff")
            for _ in range(6):
                if timed_sends:  # Locust counts a send as its request event; the lean client counts outbox.sent
                    with reporter.timed("WS", SEND):
                        pass
                outbox.sent += 1
            for seq, sent_at in ((1, 1.0), (2, None), (5, 1.0), (3, 1.0), (3, 1.0), ("x", 1.0)):
                inbox.on_chat({"sender_kind": "staff", "sender_seq": seq, "sent_at": sent_at}, 1.5)
            inbox.settle(outbox, timeout=0)
            return outbox.sent

        environment = Environment()
        environment.create_local_runner()
        play(Reporter(environment.events.request), True)
        lean = CountingReporter()
        sent = play(lean, False)
        print(json.dumps([chat_accounting(environment.stats), lean.accounting(sent)]))
    """)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60,
                          env={**os.environ, "PYTHONPATH": str(SRC)})
    assert done.returncode == 0, done.stderr[-2000:]
    locust, lean = json.loads(done.stdout.strip().splitlines()[-1])
    assert lean == locust
    assert locust == {"sent": 6, "delivered": 4, "lost": 2, "duplicated": 1, "reordered": 1, "untimed": 1,
                      "unnumbered": 1}


def test_written_so_far_sees_output_to_a_file_once_however_many_descriptors_share_it(tmp_path):
    script = ("import sys; from vardmote_qa.bench.chat_round import written_so_far as w; "
              "before = w(); sys.stdout.write('x' * 10); sys.stdout.flush(); sys.stderr.write('y' * 5); "
              "sys.stderr.flush(); sys.stdout.write(str(w() - before))")
    output = tmp_path / "output"
    with output.open("wb") as file:
        subprocess.run([sys.executable, "-c", script], stdout=file, stderr=file, timeout=30, check=True,
                       env={**os.environ, "PYTHONPATH": str(SRC)})
    assert output.read_text().endswith("15")
