"""The address redaction of getStats series: written once, in vardmote_qa/redaction.py (a foundation, since
evidence and logs below the measuring room use it too)."""

from ..redaction import REMOVED, scrub, scrub_text

__all__ = ["REMOVED", "scrub", "scrub_text"]
