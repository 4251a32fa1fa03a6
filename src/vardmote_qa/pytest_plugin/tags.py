"""Feature tags: which are allowed (markers) and what each means to Allure."""

from __future__ import annotations

from functools import cache

from ..requirements import Requirement, load_catalogue

# Severity tags, mapped to Allure's severity levels.
SEVERITY_TAGS = {"kritisk": "critical", "hog": "normal", "normal": "minor"}
# Tags that select scenarios by kind or speed.
SELECTION_TAGS = {
    "smoke": "snabb kontroll av det viktigaste",
    "video": "scenariot mäter video",
    "chatt": "scenariot använder chatt",
    "negativ": "scenariot visar vad som inte får hända",
}


@cache
def catalogue() -> dict[str, Requirement]:
    """The requirement catalogue, read once per pytest process: collection asks for it once per feature tag,
    and reading it 179 times was 4 of a collection's 9 s (every pytest the suite and a nightly start)."""
    return load_catalogue()


def marker_lines() -> list[str]:
    """Marker registrations for --strict-markers: a requirement tag not in the catalogue fails the run."""
    lines = [f"{tag}: allvarlighetsgrad {level}" for tag, level in SEVERITY_TAGS.items()]
    lines += [f"{tag}: {text}" for tag, text in SELECTION_TAGS.items()]
    lines += [f"{req.id}: krav {req.title}" for req in catalogue().values()]
    return lines


def known_tags() -> set[str]:
    """Every tag a feature may carry (what marker_lines() registers)."""
    return set(SEVERITY_TAGS) | set(SELECTION_TAGS) | set(catalogue())


def allure_labels(tag: str) -> list[tuple[str, str]]:
    """(label type, value) pairs for one tag."""
    if tag in SEVERITY_TAGS:
        return [("severity", SEVERITY_TAGS[tag])]
    requirement = catalogue().get(tag)
    if requirement:
        return [("epic", requirement.epic), ("story", f"{requirement.id} {requirement.title}"),
                ("requirement", requirement.id)]
    return []
