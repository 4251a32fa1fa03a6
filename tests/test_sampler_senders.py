"""The sampler's split of one page's media by remote sender (series.split_page), on the tracker's format."""

from vardmote_qa.media.series import media_stayed_on_this_machine, parse_page, parse_series


def _sample(t, frames_from, loopback=True, same=True):
    """frames_from: group key -> frames decoded so far; connection 0 sends, one connection per sender."""
    connections = {"0": {"state": "connected", "camera": {"frameRate": 20}, "source_video": {"frames": t // 50},
                         "candidate_pair": {"currentRoundTripTime": 0.001, "loopback": loopback,
                                            "on_this_machine": same, "ipv6": False}}}
    streams = {}
    for index, (key, frames) in enumerate(frames_from.items(), start=1):
        connections[str(index)] = {"state": "connected", "candidate_pair": {"loopback": loopback,
                                                                             "on_this_machine": same}}
        streams[key] = {"peer": index, "inbound_video": {"framesDecoded": frames, "frameWidth": 640},
                        "inbound_audio": {"totalAudioEnergy": frames / 100, "packetsReceived": frames}}
    return {"t": t, "self": "me", "connections": connections, "streams": streams,
            "labels": {"janus": "dA", "janus#2": "dB"}}


def _raw(samples):
    return {"peers": [{"index": i, "created_at": 0, "connected_at": 100} for i in range(3)],
            "groups": [{"key": "janus", "peer": 1, "first_frame_at": 300},
                       {"key": "janus#2", "peer": 2, "first_frame_at": 600}],
            "samples": samples}


def test_each_sender_gets_its_own_series_and_the_page_its_own_key():
    raw = _raw([_sample(1000, {"janus": 10, "janus#2": 5}), _sample(2000, {"janus": 30, "janus#2": 10})])
    page, own, received = parse_page("patient 2", raw, origin_ms=0)
    assert page.self_key == "me"
    assert set(received) == {"dA", "dB"}
    assert [p.fps_received for p in received["dA"].points] == [20.0]
    assert [p.fps_received for p in received["dB"].points] == [5.0]
    assert received["dB"].first_frame_at_ms == 600
    assert own.first_frame_at_ms is None and own.points[0].camera_frame_rate == 20
    assert parse_series("patient 2", raw, 0).first_frame_at_ms == 300  # the first sender, as before


def test_media_off_this_machine_is_seen():
    assert media_stayed_on_this_machine(_raw([_sample(1000, {"janus": 1})])) is True
    assert media_stayed_on_this_machine(_raw([_sample(1000, {"janus": 1}, loopback=False, same=False)])) is False
