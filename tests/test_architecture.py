"""The rooms of the code (docs/architecture.md): a module imports only its own room and the rooms below,
and nothing in the platform imports the system under test."""

from __future__ import annotations

import ast
from pathlib import Path

import vardmote_qa

PACKAGE = Path(vardmote_qa.__file__).parent

# Bottom first, as docs/architecture.md lists them. A module may import its own room and the ones before it.
ROOMS = (
    ("foundations", {"__init__", "exitcodes", "errors", "typed_yaml", "waiting", "allure_safe", "browser"}),
    ("records and settings", {"config", "requirements", "traceability", "run", "progress", "evidence"}),
    ("the target", {"target"}),
    ("measuring", {"media"}),
    ("operations", {"audit"}),
    ("people and load", {"actors", "load", "pytest_plugin"}),
    ("judging", {"gate", "history", "judging"}),
    ("publishing", {"report", "publishing"}),
    ("commands", {"nightly", "commands", "cli", "bench", "vocabulary"}),
)
LEVEL = {name: level for level, (_room, names) in enumerate(ROOMS) for name in names}


def _top_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE).parts
    return parts[0] if len(parts) > 1 else path.stem


def _imported(path: Path):
    """(top-level name inside vardmote_qa, or 'vardmote_sandbox') of every import in the file."""
    package = list(path.relative_to(PACKAGE).parts[:-1])
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                head, _, rest = alias.name.partition(".")
                if head == "vardmote_sandbox":
                    yield head
                elif head == "vardmote_qa":
                    yield rest.split(".")[0] or "__init__"
        elif isinstance(node, ast.ImportFrom):
            if node.level == 0:
                head, _, rest = (node.module or "").partition(".")
                if head == "vardmote_sandbox":
                    yield head
                elif head == "vardmote_qa":
                    yield from ([rest.split(".")[0]] if rest else [alias.name for alias in node.names])
                continue
            base = package[:len(package) - (node.level - 1)]
            names = (node.module or "").split(".") if node.module else []
            if base:
                yield base[0]
            elif names:
                yield names[0]
            else:
                yield from (alias.name for alias in node.names)


def _modules():
    return sorted(path for path in PACKAGE.rglob("*.py") if "__pycache__" not in path.parts)


def test_every_module_has_a_room():
    unplaced = sorted({_top_name(path) for path in _modules()} - set(LEVEL))
    assert not unplaced, f"moduler utan rum i ROOMS och docs/architecture.md: {unplaced}"


def test_a_room_imports_only_itself_and_the_rooms_below():
    upward = []
    for path in _modules():
        source = _top_name(path)
        for target in _imported(path):
            if target in LEVEL and LEVEL[target] > LEVEL[source]:
                upward.append(f"{path.relative_to(PACKAGE)} importerar {target} "
                              f"({ROOMS[LEVEL[source]][0]} → {ROOMS[LEVEL[target]][0]})")
    assert not upward, "import uppåt mellan rummen:\n" + "\n".join(upward)


def test_the_platform_never_imports_the_system_under_test():
    importing = [str(path.relative_to(PACKAGE)) for path in _modules() if "vardmote_sandbox" in _imported(path)]
    assert not importing, f"importerar vardmote_sandbox: {importing}"
