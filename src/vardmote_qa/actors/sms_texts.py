"""What an SMS must say: a unit's configured text with the visit's details filled in.

Placeholders testers write in feature files: {patient} (first name), {unit}, {starts_at}
("2026-11-26 kl. 10:00") and {link} (the meeting link; its random token cannot be known beforehand,
so it matches any http(s) address, and scenarios follow the link to prove where it leads).
"""

from __future__ import annotations

import re
import string

from ..target.interface import Visit


def filled_text_pattern(template: str, visit: Visit) -> re.Pattern:
    values = {"patient": visit.patient_name.split()[0], "unit": visit.unit_name,
              "starts_at": visit.starts_at.replace("T", " kl. ")}
    parts = []
    for literal, field, _, _ in string.Formatter().parse(template):
        parts.append(re.escape(literal))
        if field == "link":
            parts.append(r"https?://\S*[\w/-]")  # a link ends in a letter, digit, - or /, never in "."
        elif field is not None:
            parts.append(re.escape(values[field]))
    return re.compile("".join(parts))
