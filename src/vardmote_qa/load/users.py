"""Abstract Locust users: each owns its clients, logs in on start and closes on stop (STYLE.md 8)."""

from __future__ import annotations

import itertools
import math

from locust import User

from .behaviours import log_in_staff, unit_id
from .clients import ApiClient, LoadStepFailed, Reporter
from .settings import LoadSettings, from_environment
from ..media.campaign import Stage
from ..media.visit import VisitResult
from .video import BrowserLoop, BrowserPair

_PATIENT_NUMBERS = itertools.count()
_SLOTS: dict[str, itertools.count] = {}
_SLOT_COUNTS: dict[str, int] = {}


class _Settings:
    """Read once per process, on first use (not at import, so that `--help` needs no environment)."""

    value: LoadSettings | None = None

    @classmethod
    def get(cls) -> LoadSettings:
        if cls.value is None:
            cls.value = from_environment()
        return cls.value


class ProtocolUser(User):
    abstract = True

    def on_start(self) -> None:
        self.settings = _Settings.get()
        self.reporter = Reporter(self.environment.events.request)
        self.api = ApiClient(self.host, self.reporter)


class PairUser(ProtocolUser):
    """One side of a meeting pair. Pairs are numbered per class and process in spawn order, so the k-th
    staff and the k-th patient form the k-th pair; only the pairs the shape needs now play meetings."""

    abstract = True

    def on_start(self) -> None:
        super().on_start()
        kind = self.pair_side
        self.slot = next(_SLOTS.setdefault(kind, itertools.count()))
        _SLOT_COUNTS[kind] = self.slot + 1

    def pair_needed(self, run_s: float) -> bool:
        local_pairs = _SLOT_COUNTS.get(self.pair_side, 0)
        return self.slot < math.ceil(self.settings.planned.active_share(run_s) * local_pairs)


class _StaffSession:
    """Care staff's login for the day, kept between meetings (StaffUser, GroupUser)."""

    def ready(self) -> bool:
        """Logged in with the unit known; a failed login (its request already counted) is tried again at
        the next task, never raised to Locust as a task error."""
        if self.unit is None:
            try:
                log_in_staff(self.api, self.settings)
                self.unit = unit_id(self.api, self.settings)
            except LoadStepFailed:
                return False
        return True


class StaffUser(_StaffSession, PairUser):
    """Care staff, logged in for the day, who take patients one meeting at a time."""

    abstract = True
    pair_side = "staff"

    def on_start(self) -> None:
        super().on_start()
        self.unit: int | None = None
        self.ready()


class GroupUser(_StaffSession, ProtocolUser):
    """A group meeting's clinician, who holds one group meeting at a time through the SFU with the
    conference's patients (load/group.py: each participant has its own session). Numbered per process like
    the pairs, so that only the group users the shape needs now play."""

    abstract = True

    def on_start(self) -> None:
        super().on_start()
        self.slot = next(_SLOTS.setdefault("group", itertools.count()))
        _SLOT_COUNTS["group"] = self.slot + 1
        self.unit: int | None = None
        self.ready()

    def group_needed(self, run_s: float) -> bool:
        local = _SLOT_COUNTS.get("group", 0)
        return self.slot < math.ceil(self.settings.planned.group_active_share(run_s) * local)


class PatientUser(PairUser):
    """A patient identity of the environment, logging in with BankID for every meeting."""

    abstract = True
    pair_side = "patient"

    def on_start(self) -> None:
        super().on_start()
        self.personnummer = self.settings.patient_identity(next(_PATIENT_NUMBERS))


class BrowserUser(User):
    """A clinician and a patient in one real Chromium, holding video visits during the load."""

    abstract = True

    def on_start(self) -> None:
        self.settings = _Settings.get()
        self.reporter = Reporter(self.environment.events.request)
        self.browsers = BrowserPair()
        with self.reporter.timed("BROWSER", "video:launch"):
            BrowserLoop.run(self.browsers.start(), 60)

    def on_stop(self) -> None:
        BrowserLoop.run(self.browsers.stop(), 30)

    def video_visit(self, observe_s: float) -> VisitResult:
        stage = Stage(self.host, (self.settings.staff.username, self.settings.staff.password),
                      self.settings.patient_identity(0), self.settings.unit_slug, None)
        with self.reporter.timed("BROWSER", "video:visit"):
            return BrowserLoop.run(self.browsers.visit(stage, observe_s, self.settings.out_dir), observe_s + 120)
