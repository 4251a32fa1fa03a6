"""The sampler fits pages that are not ours (issue 13 item 5): Janus's own demo pages from Debian's janus-demos,
served from this machine as packaged, in real Chromium (the platform's launch options: fake camera, loopback
only) against the sandbox's Janus (its own process class and loopback configuration, with a demo room of the
sandbox rooms' bitrate and no pin, as the demo joins). The echo test: one participant, one connection both
ways, its own media back, judged "bra". The video room with three: every receiver has every other sender
paired by the names the page shows, each pair judged "bra" by media/meeting_quality.py. The mutation: one
receiver's page subscribes to one sender's audio only, and exactly that pair's verdict says no video came.
"""

from __future__ import annotations

import pytest

from vardmote_qa.bench.janus_demos import ECHO_LABELS, ROOM_LABELS, DemoPages, DemoParticipant, judge
from vardmote_qa.browser import launch_options
from vardmote_qa.media import SNAPSHOT_SCRIPT
from vardmote_qa.media.browser_cpu import BrowserCpu
from vardmote_qa.media.meeting_quality import pair_label
from vardmote_qa.media.series import media_stayed_on_this_machine, parse_page
from vardmote_qa.media.tiers import Tier
from vardmote_sandbox.janus.process import JanusProcess
from vardmote_sandbox.janus.rooms import ROOM_BITRATE, JanusRooms

# Several visits or a meeting of three at once: `make test` runs it with the cores to itself (marker
# many_streams, tests/conftest.py).
pytestmark = [pytest.mark.video, pytest.mark.many_streams]

# Role word -> the display name the participant joins the demo room with (what the other pages show).
ROOM = {"deltagare 1": "Anna", "deltagare 2": "Bo", "deltagare 3": "Cecilia"}
FIGURES = ("ttff_s", "freeze_ratio", "fps_ratio", "packet_loss")


@pytest.fixture(scope="module")
def janus(tmp_path_factory):
    process = JanusProcess(tmp_path_factory.mktemp("janus")).start()
    try:
        process.wait_ready()
        yield process
    finally:
        process.stop()


@pytest.fixture(scope="module")
def demos(janus):
    with DemoPages(janus.websocket_url) as pages:
        yield pages


@pytest.fixture(scope="module")
def browser(playwright):
    """pytest-playwright's own Playwright (session-wide): a second sync_playwright() on a worker where an
    earlier test started it refuses ("Sync API inside the asyncio loop")."""
    launched = playwright.chromium.launch(**launch_options())
    yield launched
    launched.close()


def _figures(result) -> str:
    return "\n".join(f"  {pair.label}: {pair.tier.value}; " + ", ".join(
        f"{name} {pair.measures[name].value}" for name in FIGURES) for pair in result.pairs)


def _room(browser, demos, janus, room: int, skip=None):
    """Three participants join the demo room one after the other; skip: (receiver role, sender role) whose
    video the receiver's page does not subscribe to."""
    # A room without pin, as the demo joins with the room number alone; the sandbox rooms' bitrate cap.
    created = JanusRooms(janus)._plugin({"request": "create", "room": room, "publishers": 6, "bitrate": ROOM_BITRATE,
                                         "admin_key": janus.admin_key, "audiolevel_event": False})
    assert created.get("videoroom") == "created", created
    started = BrowserCpu.now()
    people = [DemoParticipant(browser, role, ROOM_LABELS) for role in ROOM]
    try:
        for person in people:
            if skip and person.role == skip[0]:
                person.skip_video_from(ROOM[skip[1]])
            person.join_room(demos, room, ROOM[person.role])
        reports, result = judge(people, f"janus-videorum-{room}", started,
                                not_awaited=(pair_label(*skip),) if skip else ())
        # The load test's one reading (snapshot.js) splits by sender too: Janus names each subscriber's tracks alike.
        return reports, result, {person.role: person.page.evaluate(SNAPSHOT_SCRIPT) for person in people}
    finally:
        for person in people:
            person.close()
        # The room goes with the attempt: a rerun (make test's --reruns) creates it again.
        destroyed = JanusRooms(janus)._plugin({"request": "destroy", "room": room})
        assert destroyed.get("videoroom") == "destroyed", destroyed


def test_the_echo_test_one_connection_its_own_media_back_is_good(browser, demos):
    person = DemoParticipant(browser, "deltagaren", ECHO_LABELS)
    started = BrowserCpu.now()
    try:
        person.start_echo(demos)
        reports, result = judge([person], "janus-eko", started)
    finally:
        person.close()
    raw = reports[0].raw
    print(f"\neko: {result.verdict.reason}\n{_figures(result)}")
    assert len(raw["peers"]) == 1, f"ekotestet ska ha en anslutning åt båda hållen, spåraren såg {len(raw['peers'])}"
    _split, own, received = parse_page("deltagaren", raw, 0)
    assert set(received) == {"själv"}, f"det ekade spåret parades inte med sidan själv: {sorted(received)}"
    assert own.points and own.points[-1].camera_frame_rate, "sidans egen kamera syns inte i samplen"
    assert media_stayed_on_this_machine(raw) is True
    assert [pair.label for pair in result.pairs] == ["deltagaren från sig själv (eko)"]
    assert result.tier is Tier.GOOD, result.verdict.reason


def test_the_video_room_of_three_pairs_every_receiver_with_every_other_sender_all_good(browser, demos, janus):
    reports, result, snapshots = _room(browser, demos, janus, 4301)
    print(f"\nvideorum: {result.verdict.reason}\n{_figures(result)}")
    for report in reports:
        split, _own, received = parse_page(report.role, report.raw, 0)
        assert split.self_key == ROOM[report.role]
        others = {name for role, name in ROOM.items() if role != report.role}
        # Exactly the others: a track left unpaired would be a key of its own ("janus#3").
        assert set(received) == others, f"{report.role} tog emot {sorted(received)}, väntade {sorted(others)}"
        assert len(report.raw["peers"]) == 3, "en sändande och en mottagande anslutning per annan deltagare"
        assert media_stayed_on_this_machine(report.raw) is True
        streams = snapshots[report.role]["streams"]
        assert len(streams) == 2 and all(one["inbound_video"] for one in streams.values()), streams
    assert {(pair.receiver, pair.sender) for pair in result.pairs} == \
        {(receiver, sender) for receiver in ROOM for sender in ROOM if sender != receiver}
    assert all(pair.judged for pair in result.pairs), result.verdict.reason
    assert [pair.label for pair in result.pairs if pair.tier is not Tier.GOOD] == [], result.verdict.reason


def test_a_receiver_that_skips_one_senders_video_fails_naming_that_pair_alone(browser, demos, janus):
    _reports, result, _snapshots = _room(browser, demos, janus, 4302, skip=("deltagare 3", "deltagare 2"))
    print(f"\nmutation: {result.verdict.reason}\n{_figures(result)}")
    muted = pair_label("deltagare 3", "deltagare 2")
    by_label = {pair.label: pair for pair in result.pairs}
    assert by_label[muted].tier is Tier.FAIL
    assert by_label[muted].reason.startswith(f"{muted}: ingen videobild har kommit fram (inga avkodade bildrutor)"), \
        by_label[muted].reason
    assert f"{muted}: ingen videobild har kommit fram" in result.verdict.reason
    assert [label for label, pair in by_label.items() if pair.tier is not Tier.GOOD] == [muted], result.verdict.reason
