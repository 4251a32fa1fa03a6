"""How every benchmark hands over its figures: as JSON in a file, and as a summary in Swedish on the screen."""

from __future__ import annotations

import json
from pathlib import Path


def publish(figures: dict, out: Path, summary: str) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(figures, ensure_ascii=False, indent=1), encoding="utf-8")
    print(summary)
    print(f"Figurerna finns i {out}")
