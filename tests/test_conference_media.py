"""The per-receiver, per-sender judging of a conference (media/conference.py) on the tracker's format."""

from vardmote_qa.media.conference import Page, check_meeting, problems, summary_sv

KEYS = {"vårdpersonalen": "kS", "patienten": "k1", "patient 2": "k2", "patient 3": "k3"}


def _page(role, seconds=5, video=True, audio=True, stalled_from=None, without=()):
    """role's page receiving from every other participant (except `without`) for `seconds` samples."""
    senders = [r for r in KEYS if r != role and r not in without]
    samples = []
    for second in range(seconds):
        frames_at = second if stalled_from is None else min(second, stalled_from)
        connections = {"0": {"state": "connected", "camera": {"frameRate": 20}}}
        streams, labels = {}, {}
        for index, sender in enumerate(senders, start=1):
            group = f"janus#{index}"
            labels[group] = KEYS[sender]
            connections[str(index)] = {"state": "connected"}
            streams[group] = {"peer": index,
                              "inbound_video": {"framesDecoded": 20 * frames_at, "frameWidth": 640,
                                                "frameHeight": 480} if video else None,
                              "inbound_audio": {"totalAudioEnergy": 0.1 * frames_at if audio else 0,
                                                "packetsReceived": 50 * second}}
        samples.append({"t": 1000 * (second + 1), "self": KEYS[role], "connections": connections,
                        "streams": streams, "labels": labels})
    return Page(role, {"peers": [{"index": i, "created_at": 0} for i in range(len(senders) + 1)],
                       "groups": [], "samples": samples})


def test_a_clean_meeting_of_four_is_twelve_pairs_ok():
    checks = check_meeting([_page(role) for role in KEYS])
    assert len(checks) == 12 and all(check.ok for check in checks)
    assert summary_sv(checks) == "12 av 12 par ok"


def test_one_receiver_missing_one_senders_video_is_named_by_both():
    pages = [_page(role) for role in KEYS if role != "patient 2"]
    second = _page("patient 2")
    for sample in second.raw["samples"]:  # the clinician's stream to patient 2 carries audio only
        group = next(g for g, key in sample["labels"].items() if key == "kS")
        sample["streams"][group]["inbound_video"] = None
    found = problems(check_meeting(pages + [second]))
    assert found == ["patient 2 från vårdpersonalen: ingen video (inga avkodade bildrutor), ingen bildstorlek"]


def test_a_sender_never_received_and_silence_and_a_stall_are_each_said():
    pages = [_page("vårdpersonalen", without=("patient 3",)), _page("patienten", audio=False),
             _page("patient 2", stalled_from=1), _page("patient 3")]
    found = problems(check_meeting(pages))
    assert "vårdpersonalen från patient 3: ingen video och inget ljud alls" in found
    assert any(p.startswith("patienten från patient 2: inget ljud") for p in found)
    assert any(p.startswith("patient 2 från patient 3: videon står still") and "ljudet har tystnat" in p
               for p in found)
    assert not any(p.startswith("patient 3 från") for p in found)


def test_a_page_not_yet_in_the_room_cannot_be_a_sender():
    absent = Page("patient 3", {"peers": [], "samples": []})
    found = problems(check_meeting([_page("vårdpersonalen"), absent]))
    assert found == ["vårdpersonalen från patient 3: patient 3 är inte med i rummet än",
                     "patient 3 från vårdpersonalen: ingen video och inget ljud alls"]
