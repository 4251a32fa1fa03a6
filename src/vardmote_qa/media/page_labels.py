"""Where a foreign page shows who is whom, as rules page_labels.js applies in the page: the sampler then
pairs each received track with its sender on pages that do not mark their media themselves (the sandbox's
pages do, with data-vmqa-sender and data-vmqa-self)."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

_SCRIPT = (Path(__file__).parent / "page_labels.js").read_text(encoding="utf-8")


@dataclass(frozen=True)
class PageLabels:
    """CSS selectors of one page. sender_name None: the sender box plays the page's own media back (an echo),
    so it is named as the page itself. self_name None: the page shows no own name, own_key stands for it."""
    self_media: str
    sender_box: str
    sender_media: str = "video, audio"
    self_name: str | None = None
    sender_name: str | None = None
    own_key: str = "själv"

    def init_script(self) -> str:
        """For context.add_init_script, next to the peer tracker."""
        return f"({_SCRIPT.strip()})({json.dumps(asdict(self))});"
