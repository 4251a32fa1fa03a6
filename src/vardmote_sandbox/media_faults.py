"""Which media fault hits which visit: drawn per visit, independently, from the fault switches and a seed.

The draw depends only on (seed, visit id, fault), so a run on a fresh sandbox with the same seed gets the
same faults in the same visits. The page (static/media_faults.js) carries out the plan in the sender's
browser, counted from the moment its peer connection is connected. The platform never reads this plan:
it must find the fault in what the browsers measure.
"""

from __future__ import annotations

import random

from .faults import Faults

# (fault switch, what the page does, seconds after connection it starts, its length in seconds).
# Every fault is over 14 s after connection: media/campaign.yaml measures 15 s. One-way video lasts over
# 5 s, which Chromium counts as a pause, not a freeze: it shows as the frame rate of that direction.
INTERMITTENT = (
    ("video_intermittent", "freeze", (2.0, 5.0), (2.0, 4.0)),
    ("oneway_intermittent", "video_off", (2.0, 4.0), (8.0, 10.0)),
    ("audio_intermittent", "audio_off", (2.0, 5.0), (3.0, 5.0)),
)
SENDERS = ("patient", "clinician")
# A known freeze (the truth check for the freeze measure) starts here, after the first frames settled.
KNOWN_FREEZE_START_S = 3.0


def plan_for(faults: Faults, visit_id: int) -> list[dict]:
    """The faults of one visit: [{action, sender, start_s, length_s}], empty for most visits."""
    plan = []
    for switch, action, (start_lo, start_hi), (length_lo, length_hi) in INTERMITTENT:
        share = getattr(faults, switch)
        draw = random.Random(f"{faults.media_fault_seed}:{visit_id}:{switch}")
        if share > 0 and draw.random() < share:
            plan.append({"action": action, "sender": draw.choice(SENDERS),
                         "start_s": round(draw.uniform(start_lo, start_hi), 2),
                         "length_s": round(draw.uniform(length_lo, length_hi), 2)})
    if faults.freeze > 0:
        plan.append({"action": "freeze", "sender": "patient", "start_s": KNOWN_FREEZE_START_S,
                     "length_s": float(faults.freeze)})
    return plan
