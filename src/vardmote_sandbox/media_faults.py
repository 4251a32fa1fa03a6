"""Which media fault hits which visit: drawn per visit, independently, from the fault switches and a seed.

The draw depends only on (seed, visit id, fault), so a run on a fresh sandbox with the same seed gets the
same faults in the same visits. The page (static/media_faults.js) carries out the plan in the sender's
browser, counted from the moment its peer connection is connected. The platform never reads this plan:
it must find the fault in what the browsers measure.
"""

from __future__ import annotations

import random

from .faults import Faults

# (fault switch, what the page may do (one drawn per hit visit), seconds after connection it starts, its
# length in seconds). Every fault is over 14 s after connection: media/campaign.yaml measures 15 s.
# One-way video lasts over 5 s, which Chromium counts as a pause, not a freeze: it shows as the frame rate
# of that direction. A bitrate collapse keeps the picture moving on a starved encoder, as a congested
# service does: the receiver sees it in its bytes received, not as a still picture.
INTERMITTENT = (
    ("video_intermittent", ("freeze", "bitrate_collapse"), (2.0, 5.0), (2.0, 4.0)),
    ("oneway_intermittent", ("video_off",), (2.0, 4.0), (8.0, 10.0)),
    ("audio_intermittent", ("audio_off",), (2.0, 5.0), (3.0, 5.0)),
)
SENDERS = ("patient", "clinician")
# A known freeze or bitrate collapse (the truth checks of their measures) starts here, after the first
# frames settled.
KNOWN_FAULT_START_S = 3.0
# What a collapsed sender may still send (bit/s): about a tenth of a clean low-resolution call (320x240 at
# 15 fps ran at ~150 kbit/s here; Chromium overshoots a cap this low, 25 kbit/s came out as 25-40).
COLLAPSED_BITRATE = 8_000
# The engines a visit can run on (videomotor); media_fault_engine restricts the faults to one of them.
ENGINES = ("p2p", "sfu")


def _fault(action: str, sender: str, start_s: float, length_s: float) -> dict:
    fault = {"action": action, "sender": sender, "start_s": start_s, "length_s": length_s}
    return {**fault, "max_bitrate": COLLAPSED_BITRATE} if action == "bitrate_collapse" else fault


def plan_for(faults: Faults, visit_id: int, engine: str = "p2p") -> list[dict]:
    """The faults of one visit: [{action, sender, start_s, length_s}], empty for most visits, and empty
    for every visit on another engine than media_fault_engine (when that is set)."""
    if faults.media_fault_engine and faults.media_fault_engine != engine:
        return []
    plan = []
    for switch, actions, (start_lo, start_hi), (length_lo, length_hi) in INTERMITTENT:
        share = getattr(faults, switch)
        draw = random.Random(f"{faults.media_fault_seed}:{visit_id}:{switch}")
        if share > 0 and draw.random() < share:
            # a single action draws nothing, so the other switches' draws stay what they were
            action = actions[0] if len(actions) == 1 else draw.choice(actions)
            plan.append(_fault(action, draw.choice(SENDERS), round(draw.uniform(start_lo, start_hi), 2),
                               round(draw.uniform(length_lo, length_hi), 2)))
    for action in ("freeze", "bitrate_collapse"):  # the truth switches: every visit, a known length
        seconds = getattr(faults, action)
        if seconds > 0:
            plan.append(_fault(action, "patient", KNOWN_FAULT_START_S, float(seconds)))
    return plan
