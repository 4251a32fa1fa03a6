"""The quality verdict of a meeting of N per receiver and per sender (media/meeting_quality.py), on the
tracker's own format (series.js's connections, streams, labels and groups). Synthetic pages, no browser:
what the real pages give is the conference feature's; here, that each pair is measured on its own sender's
stream against that sender's camera, tiered by thresholds.yaml, and named when it is bad or not judged."""

from __future__ import annotations

import json

from vardmote_qa.media.meeting_quality import assess_meeting, pairs_not_ready
from vardmote_qa.media.record import write_visit
from vardmote_qa.media.thresholds import load_thresholds
from vardmote_qa.media.tiers import Tier
from vardmote_qa.media.visit import MediaReport

KEYS = {"vårdpersonalen": "kS", "patienten": "k1", "patient 2": "k2"}
FPS, SECONDS = 20, 12


def _stream(second: int, frozen: bool, video: bool) -> dict:
    """One sender's stream as received, cumulative up to `second`. A frozen stream freezes half of every
    third second with fewer packets in it (the network's doing, not a starved decoder: starvation.py)."""
    freeze_seconds = [s for s in range(1, second + 1) if frozen and s % 3 == 0]
    video_packets = sum(40 if s in freeze_seconds else 100 for s in range(1, second + 1))
    return {"peer": 0,
            "inbound_video": {"framesDecoded": FPS * second, "frameWidth": 640, "frameHeight": 480,
                              "totalFreezesDuration": 0.5 * len(freeze_seconds), "packetsReceived": video_packets,
                              "packetsLost": 0, "bytesReceived": 60000 * second} if video else None,
            "inbound_audio": {"totalAudioEnergy": 0.1 * second, "packetsReceived": 50 * second, "packetsLost": 0,
                              "totalSamplesReceived": 48000 * second, "concealedSamples": 0, "jitter": 0.004}}


def _page(role: str, frozen_from=(), no_video_from=(), camera_fps=FPS) -> MediaReport:
    """role's page, receiving every other participant: frozen or without video from the senders named."""
    senders = [r for r in KEYS if r != role]
    groups = [{"key": f"janus#{i}", "peer": i, "first_frame_at": None if s in no_video_from else 800}
              for i, s in enumerate(senders, start=1)]
    samples = []
    for second in range(SECONDS):
        connections = {"0": {"state": "connected", "camera": {"frameRate": FPS},
                             "source_video": {"frames": camera_fps * second},
                             "candidate_pair": {"currentRoundTripTime": 0.01}}}
        streams, labels = {}, {}
        for index, sender in enumerate(senders, start=1):
            group = f"janus#{index}"
            labels[group] = KEYS[sender]
            connections[str(index)] = {"state": "connected", "candidate_pair": {"currentRoundTripTime": 0.01}}
            streams[group] = {**_stream(second, sender in frozen_from, sender not in no_video_from), "peer": index}
        samples.append({"t": 1000 * (second + 1), "self": KEYS[role], "connections": connections,
                        "streams": streams, "labels": labels})
    peers = [{"index": i, "created_at": 0, "connected_at": 300} for i in range(len(senders) + 1)]
    return MediaReport(role, {"peers": peers, "groups": groups, "samples": samples})


def _meeting(*pages, browsers_waiting=None):
    return assess_meeting("gruppmöte", list(pages), load_thresholds(), browsers_waiting)


def test_a_clean_meeting_of_three_is_good_for_each_of_its_six_pairs():
    result = _meeting(*(_page(role) for role in KEYS))
    assert [(p.receiver, p.sender) for p in result.pairs] == [
        (r, s) for r in KEYS for s in KEYS if s != r]
    assert all(p.tier is Tier.GOOD and p.judged for p in result.pairs), [p.reason for p in result.pairs]
    assert result.tier is Tier.GOOD and not result.cannot_judge
    assert result.receiver_tiers() == {role: Tier.GOOD for role in KEYS}
    assert result.verdict.reason == "Bra: alla mått är bra för var och en från alla andra (6 par)."
    pair = result.pairs[0]
    assert pair.measures["fps_ratio"].value == 100.0 and pair.measures["freeze_ratio"].value == 0.0
    assert pair.measures["ttff_s"].value == 0.8 and pair.measures["audio_present"].value == 1.0
    assert pairs_not_ready([_page(role) for role in KEYS]) == []


def test_a_frozen_pair_fails_the_meeting_naming_that_receiver_and_that_sender_only():
    pages = [_page("vårdpersonalen"), _page("patienten"), _page("patient 2", frozen_from=("vårdpersonalen",))]
    result = _meeting(*pages)
    bad = [p for p in result.pairs if p.tier is not Tier.GOOD]
    assert [(p.receiver, p.sender) for p in bad] == [("patient 2", "vårdpersonalen")]
    assert result.tier is Tier.FAIL
    assert result.receiver_tiers() == {"vårdpersonalen": Tier.GOOD, "patienten": Tier.GOOD, "patient 2": Tier.FAIL}
    assert result.verdict.reason.startswith(
        "Underkänd: patient 2 från vårdpersonalen: andelen frusen bild 13,6 % (godtagbar kräver högst 5 %)"), \
        result.verdict.reason
    assert "patient 2 från patienten" not in result.verdict.reason
    assert result.symptom_sv() == "vårdpersonalen → patient 2: andelen frusen bild"


def test_a_receiver_without_one_senders_video_is_named_by_both():
    pages = [_page("vårdpersonalen"), _page("patienten"), _page("patient 2", no_video_from=("vårdpersonalen",))]
    result = _meeting(*pages)
    assert result.tier is Tier.FAIL
    assert "patient 2 från vårdpersonalen: ingen videobild har kommit fram (inga avkodade bildrutor)" in \
        result.verdict.reason
    assert pairs_not_ready(pages) == ["patient 2 från vårdpersonalen"]


def test_a_sender_at_half_its_cameras_rate_is_judged_against_that_camera():
    """The sender's own camera is the reference: a receiver getting 20 fps of a 40-fps camera is at 50 %."""
    pages = [_page("vårdpersonalen", camera_fps=40), _page("patienten"), _page("patient 2")]
    for sample in pages[0].raw["samples"]:
        sample["connections"]["0"]["camera"]["frameRate"] = 40
    result = _meeting(*pages)
    from_clinician = {p.receiver: p.measures["fps_ratio"].value for p in result.pairs if p.sender == "vårdpersonalen"}
    assert from_clinician == {"patienten": 50.0, "patient 2": 50.0}
    assert {p.receiver for p in result.pairs if p.sender == "vårdpersonalen" and p.tier is Tier.ACCEPTABLE} == \
        {"patienten", "patient 2"}
    assert all(p.tier is Tier.GOOD for p in result.pairs if p.sender != "vårdpersonalen")


def test_a_pair_the_machine_was_too_busy_to_judge_is_counted_and_named_never_dropped():
    pages = [_page("vårdpersonalen"), _page("patienten"), _page("patient 2", frozen_from=("vårdpersonalen",))]
    result = _meeting(*pages, browsers_waiting=3.0)
    assert [p.label for p in result.not_judged()] == ["patient 2 från vårdpersonalen"]
    assert result.cannot_judge and result.tier is Tier.GOOD  # the five judged pairs are good
    assert result.verdict.reason.endswith("1 av 6 par kunde inte bedömas (datorn som kör testet hann inte med): "
                                          "patient 2 från vårdpersonalen.")
    data = result.as_dict()
    assert data["judged"] is False and data["meeting"]["pairs_not_judged"] == ["patient 2 från vårdpersonalen"]
    assert data["meeting"]["pairs_judged"] == 5


def test_the_meetings_verdict_is_written_like_a_visit(tmp_path):
    pages = [_page("vårdpersonalen"), _page("patienten"), _page("patient 2", frozen_from=("vårdpersonalen",))]
    path = write_visit(_meeting(*pages), tmp_path, "Gruppmöte med tre")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["verdict"] == "fail" and set(data["participants"]) == {
        f"{r} från {s}" for r in KEYS for s in KEYS if r != s}
    assert data["directions"]["patient 2 från vårdpersonalen"] == {
        "from": ["vårdpersonalen"], "to": "patient 2", "verdict": "fail"}
    assert data["meeting"]["receivers"] == {"vårdpersonalen": "good", "patienten": "good", "patient 2": "fail"}
    assert path.with_suffix(".svg").exists()


def _echo_page(labelled: bool) -> MediaReport:
    """One page that gets its own media back on its one connection (Janus's echo test): labelled, the echoed
    media carries the page's own key; unlabelled, only the tracker's group key."""
    samples = [{"t": 1000 * (second + 1), "self": "själv",
                "connections": {"0": {"state": "connected", "camera": {"frameRate": FPS},
                                      "source_video": {"frames": FPS * second},
                                      "candidate_pair": {"currentRoundTripTime": 0.01}}},
                "streams": {"eko": _stream(second, False, True)},
                "labels": {"eko": "själv"} if labelled else {}} for second in range(SECONDS)]
    return MediaReport("deltagaren", {"peers": [{"index": 0, "created_at": 0, "connected_at": 300}],
                                      "groups": [{"key": "eko", "peer": 0, "first_frame_at": 800}],
                                      "samples": samples})


def test_an_echo_is_a_pair_of_its_own_judged_against_the_pages_own_camera():
    result = _meeting(_echo_page(labelled=True))
    assert [p.label for p in result.pairs] == ["deltagaren från sig själv (eko)"]
    assert result.tier is Tier.GOOD, result.verdict.reason
    assert result.pairs[0].measures["fps_ratio"].value == 100.0
    # Media received under some other key is not taken for an echo: no pair, and the meeting is not judged good.
    assert _meeting(_echo_page(labelled=False)).pairs == ()
