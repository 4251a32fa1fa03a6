"""Load shapes from the model: how many meetings and how many logins per second, over a run's time.

A shape is a timeline in model minutes (level = how many times the ordinary busiest hour, meetings held
at once, login rate); compression turns model minutes into run seconds. `ModelShape.tick()` only reads
the timeline; the numbers come from the model file.
"""

from __future__ import annotations

import json
import math
from dataclasses import asdict, dataclass, field, replace
from functools import cached_property
from typing import Callable

from ..errors import UserError
from .model import LoadModel, RunTiming


def _ramp(t: float, start: float, length: float) -> float:
    """0 before start, 1 after start+length, linear between."""
    return min(1.0, max(0.0, (t - start) / length)) if length > 0 else float(t >= start)


@dataclass(frozen=True)
class Timeline:
    """A shape in model minutes: meetings(t) held at once, and logins(t) per second."""

    name: str
    description: str
    minutes: float
    meetings: Callable[[float], float]
    logins: Callable[[float], float]


def _storms(model: LoadModel, level: float, centres: tuple[float, ...]) -> Callable[[float], float]:
    """Extra meetings started in each rush window around :00 and :30; each lasts one meeting."""
    window, extra = model.rusningsfonster_min, level * model.storm_starts_per_window

    def meetings(t: float) -> float:
        total = 0.0
        for centre in centres:
            start = centre - window / 2
            if t < start + window + model.motets_langd_min:
                total += extra * _ramp(t, start, window)
        return total
    return meetings


def timelines(model: LoadModel) -> dict[str, Timeline]:
    level, f = model.concurrent_meetings, model.marginalfaktor
    # The rush windows take their share of the hour's starts; the rest start evenly (the plateau)
    even = level * (1 - model.andel_starter_kring_halvtimme)
    storms, design_storms = _storms(model, 1, (15, 45)), _storms(model, f, (15, 45))
    rush = model.morning_logins_per_s
    return {
        "vardag": Timeline("vardag", "en vardag: upp till största timmen, platå, ned", 180,
                           lambda t: level * min(_ramp(t, 0, 60), 1 - _ramp(t, 120, 60)), lambda t: 0.0),
        "halvtimmesrusning": Timeline(
            "halvtimmesrusning", "största timmen med anslutningsrusning vid hel- och halvtimme", 60,
            lambda t: even * _ramp(t, 0, 10) + storms(t), lambda t: 0.0),
        "morgonrusning": Timeline(
            "morgonrusning", "personalens inloggningsrusning kring 08:00 ovanpå morgonens möten", 30,
            lambda t: level / 2 * _ramp(t, 0, 5), lambda t: rush if 5 <= t < 5 + model.morgonrusning_min else 0.0),
        "pandemi": Timeline(
            "pandemi", "största timmen vid dimensionerande last (marginalfaktorn) med rusningar och inloggningar",
            60, lambda t: f * even * _ramp(t, 0, 10) + design_storms(t),
            lambda t: f * rush if 5 <= t < 5 + model.morgonrusning_min else 0.0),
        "uthallighet": Timeline("uthallighet", "lång körning vid vanlig största timme: läckor och drift", 480,
                                lambda t: level * _ramp(t, 0, 10), lambda t: 0.0),
    }


@dataclass(frozen=True)
class PlannedShape:
    """A timeline at one compression and scale, in run seconds. Planned once, in the process that starts
    the run; Locust's processes receive it as JSON (to_json / from_json) instead of planning again."""

    timeline: Timeline
    timing: RunTiming
    scale: float
    login_users: int
    video_users: int
    model: LoadModel = field(repr=False, compare=False)
    group_users: int = 0  # users that each play group meetings (load/group.py), one meeting at a time

    def to_json(self) -> str:
        """The plan with the model figures its timeline is drawn from (the timeline itself is code)."""
        # Every figure of the model; its sources and texts explain the model file and are not needed to run it.
        model = {name: value for name, value in asdict(self.model).items() if name not in ("sources", "texts")}
        return json.dumps({"shape": self.timeline.name, "timing": asdict(self.timing), "scale": self.scale,
                           "login_users": self.login_users, "video_users": self.video_users,
                           "group_users": self.group_users, "model": model}, ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> "PlannedShape":
        data = json.loads(text)
        model = LoadModel(sources={}, texts={}, **data["model"])
        return cls(timelines(model)[data["shape"]], RunTiming(**data["timing"]), data["scale"], data["login_users"],
                   data["video_users"], model, data.get("group_users", 0))

    @property
    def duration_s(self) -> float:
        return self.timeline.minutes * 60 / self.timing.compression

    def model_minute(self, run_s: float) -> float:
        return run_s * self.timing.compression / 60

    def meetings_at(self, run_s: float) -> float:
        return self.scale * self.timeline.meetings(self.model_minute(run_s))

    def logins_at(self, run_s: float) -> float:
        return self.scale * self.timeline.logins(self.model_minute(run_s))

    def group_meetings_at(self, run_s: float) -> float:
        """The share of the meetings that are group meetings through the SFU (andel_gruppmoten)."""
        return self.meetings_at(run_s) * self.model.group_share

    def pairs_at(self, run_s: float) -> int:
        """Pairs for the two-party meetings: the meetings that are not group meetings."""
        return self.timing.pairs_for(self.meetings_at(run_s) - self.group_meetings_at(run_s))

    def groups_at(self, run_s: float) -> int:
        """Group users needed now: like a pair, each is in a meeting meeting_s of its cycle_s."""
        return self.timing.pairs_for(self.group_meetings_at(run_s))

    def group_active_share(self, run_s: float) -> float:
        return self.groups_at(run_s) / self.group_users if self.group_users else 0.0

    def pairs_started_by(self, run_s: float) -> int:
        """The most pairs the timeline has asked for so far: Locust's user count never goes down mid-run
        (its ramp-down waits for each batch of stopping users in turn, which would hold up the next rush),
        so the pairs not needed now sit idle (see active_share)."""
        seconds = self._started_by
        return seconds[min(len(seconds) - 1, int(max(0.0, run_s)))]

    @cached_property
    def _started_by(self) -> list[int]:
        running, started = 0, []
        for second in range(int(self.duration_s) + 2):
            running = max(running, self.pairs_at(second))
            started.append(running)
        return started

    def active_share(self, run_s: float) -> float:
        started = self.pairs_started_by(run_s)
        return self.pairs_at(run_s) / started if started else 0.0


def plan(model: LoadModel, name: str, minutes: float | None = None, scale: float = 1.0) -> PlannedShape:
    known = timelines(model)
    if name not in known:
        raise UserError(f"Lastformen '{name}' finns inte (kända: {', '.join(known)}).")
    if minutes is not None and not (0 < minutes <= 24 * 60):
        raise UserError("--minutes måste vara ett tal större än 0 och högst 1440.")
    if not (0 < scale <= 10):
        raise UserError("Skalan måste vara större än 0 och högst 10.")
    timeline = known[name]
    compression = timeline.minutes / minutes if minutes else model.compression
    peak_logins = max(timeline.logins(m / 4) for m in range(int(timeline.minutes * 4) + 1)) * scale
    login_users = math.ceil(peak_logins / model.logins_per_user_s) if peak_logins > 0 else 0
    planned = PlannedShape(timeline, RunTiming.of(model, compression), scale, login_users, model.video_users, model)
    # Group users are fixed, like the video users: as many as the busiest second needs, idle when not needed
    return replace(planned, group_users=max(planned.groups_at(s) for s in range(int(planned.duration_s) + 2)))


def shape_class(planned: PlannedShape, personas: list[type], drain_s: float,
                on_end=lambda: None) -> type:
    """A LoadTestShape for Locust: users = fixed ones (login rush, video, group) + two per meeting pair.

    When the timeline runs out the shape asks for no users and waits (at most drain_s) until the
    meetings under way have ended: only then is every chat message accounted for, on the master too
    (a master told to quit does not wait for its workers' last meetings). on_end() marks that drain.
    """
    from locust import LoadTestShape  # only inside Locust: importing locust monkey-patches the process

    fixed = planned.login_users + planned.video_users + planned.group_users

    class ModelShape(LoadTestShape):
        def tick(self):
            run_s = self.get_run_time()
            if run_s >= planned.duration_s:
                if self.runner.user_count == 0:
                    on_end()
                    return None
                # All at once: Locust stops one spawn-rate batch at a time, each waiting for its meetings
                return None if run_s >= planned.duration_s + drain_s else (0, 100_000.0, personas)
            users = fixed + 2 * planned.pairs_started_by(run_s)
            ahead = fixed + 2 * planned.pairs_started_by(run_s + 1)
            # Follow the timeline within a second or two; never below a gentle rate
            return users, max(2.0, 1.5 * abs(ahead - users)), personas

    ModelShape.__name__ = f"Form_{planned.timeline.name}"
    return ModelShape
