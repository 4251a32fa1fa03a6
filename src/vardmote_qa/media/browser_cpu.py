"""Whether the test browsers themselves got the CPU they asked for (Linux /proc, pure reading).

The busy-machine check must not read the host as a whole: the service under test may run on the same
machine, and a service that eats the CPU is a finding, not an excuse. So it reads only the Chromium
processes this test process started (its descendants) and, per thread, the time they were runnable but
waited for a core (/proc/<pid>/task/<tid>/schedstat: ran ns, waited ns). A browser that waited longer than
it ran could not keep its camera, encoder and decoder going: its bad verdicts on CPU-sensitive measures
are not trusted. The camera's delivered frame rate (starvation.py) is the second, per-second check.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

PROC = Path("/proc")
BROWSER_NAMES = ("chrom", "headless_shell")


def _children(pid: int) -> list[int]:
    found = []
    for task in (PROC / str(pid) / "task").glob("*"):
        try:
            found += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            continue
    return found


def _descendants(pid: int) -> list[int]:
    seen, todo = [], [pid]
    while todo:
        for child in _children(todo.pop()):
            if child not in seen:
                seen.append(child)
                todo.append(child)
    return seen


def _is_browser(pid: int) -> bool:
    try:
        return any(name in (PROC / str(pid) / "comm").read_text() for name in BROWSER_NAMES)
    except OSError:
        return False


def _threads(pid: int) -> dict[str, tuple[int, int]]:
    """Per thread of the process: (ns ran, ns waited for a core, times it got a core)."""
    found = {}
    for task in (PROC / str(pid) / "task").glob("*"):
        try:
            fields = (task / "schedstat").read_text().split()
        except OSError:
            continue
        found[f"{pid}/{task.name}"] = (int(fields[0]), int(fields[1]), int(fields[2]))
    return found


@dataclass(frozen=True)
class BrowserCpu:
    """Per thread of the test browsers: ns it ran, ns it waited for a core and times it got one, at one moment.
    Only threads alive at both moments count: a closed page's threads take their counters with them."""
    threads: dict[str, tuple[int, int, int]]

    @classmethod
    def now(cls) -> "BrowserCpu | None":
        if not (PROC / "self" / "task").is_dir():
            return None
        threads = {}
        for pid in _descendants(os.getpid()):
            if _is_browser(pid):
                threads.update(_threads(pid))
        return cls(threads) if threads else None

    def wait_per_turn_ms_since(self, earlier: "BrowserCpu | None") -> float | None:
        """Since `earlier`: how long, on average, a browser thread that became runnable waited for a core.
        A frame at 15 fps has 67 ms; threads that wait tens of ms per turn cannot keep a call going."""
        if earlier is None:
            return None
        waited = turns = 0
        for tid, (_ran, waited_now, turns_now) in self.threads.items():
            _, waited_then, turns_then = earlier.threads.get(tid, (0, 0, 0))
            waited, turns = waited + max(0, waited_now - waited_then), turns + max(0, turns_now - turns_then)
        return round(waited / turns / 1e6, 2) if turns > 0 else None

    def cpu_share_since(self, earlier: "BrowserCpu | None", seconds: float, cores: int) -> float | None:
        """Since `earlier`, `seconds` ago: the share of the machine's `cores` the test browsers' threads ran
        (1.0: every core busy with them all the time). How much of the machine a benchmark's browsers took."""
        if earlier is None or seconds <= 0 or cores <= 0:
            return None
        ran = sum(max(0, ran_now - earlier.threads.get(tid, (0, 0, 0))[0])
                  for tid, (ran_now, _waited, _turns) in self.threads.items())
        return round(ran / 1e9 / seconds / cores, 3)
