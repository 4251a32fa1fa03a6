"""`vmqa compare RUN_A RUN_B`: two runs side by side, per criterion and per network profile."""

from __future__ import annotations

import json


def register(subparsers) -> None:
    parser = subparsers.add_parser("compare", help="jämför två körningar per kriterium och nätverksprofil")
    parser.add_argument("run_a", help="körning A (t.ex. före ett byte av videomotor)")
    parser.add_argument("run_b", help="körning B (efter)")
    parser.set_defaults(handler=handle)


def _load(path, name):
    try:
        return json.loads((path / name).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError):
        return None


def _number(value) -> str:
    return f"{value:.4g}" if isinstance(value, (int, float)) and not isinstance(value, bool) else (
        "–" if value is None else str(value))


def handle(arguments) -> int:
    from ..errors import UserError
    from ..run.record import resolve_run
    paths = [resolve_run(arguments.run_a), resolve_run(arguments.run_b)]
    decisions = [_load(path, "decision.json") for path in paths]
    for path, decision in zip(paths, decisions):
        if decision is None:
            raise UserError(f"Körningen {path.name} har inget beslut än: kör 'vmqa gate {path.name}' först.")
    a, b = decisions
    print(f"{'':<38} {'A: ' + a['run_id']:<26} {'B: ' + b['run_id']:<26}")
    print(f"{'Beslut':<38} {a['decision']:<26} {b['decision']:<26}")
    print(f"{'Målversion':<38} {str(a.get('target_version') or '–')[:25]:<26} {str(b.get('target_version') or '–')[:25]:<26}")
    print("\nKriterier")
    by_id_b = {c["id"]: c for c in b["criteria"]}
    for criterion in a["criteria"] + [c for c in b["criteria"] if c["id"] not in {x["id"] for x in a["criteria"]}]:
        other = by_id_b.get(criterion["id"]) if criterion in a["criteria"] else None
        left = criterion if criterion in a["criteria"] else None
        right = other if left else criterion
        change = ""
        if left and right and isinstance(left["value"], (int, float)) and isinstance(right["value"], (int, float)) \
                and left["value"]:
            change = f"{(right['value'] - left['value']) / abs(left['value']) * 100:+.1f} %"
        cell = lambda c: f"{c['status']:<8} {_number(c['value'])}" if c else "saknas"  # noqa: E731
        print(f"  {criterion['id']:<36} {cell(left):<26} {cell(right):<26} {change}")
    media = [_load(path, "media/summary.json") or {} for path in paths]
    profiles = sorted(set((media[0].get("profiles") or {})) | set((media[1].get("profiles") or {})))
    if profiles:
        print("\nVideo per nätverksprofil (p95)")
        for profile in profiles:
            sides = [(m.get("profiles") or {}).get(profile) or {} for m in media]
            measures = sorted(set(sides[0].get("measures", {})) | set(sides[1].get("measures", {})))
            for measure in measures:
                values = [side.get("measures", {}).get(measure, {}).get("p95") for side in sides]
                print(f"  {profile + ' ' + measure:<36} {_number(values[0]):<26} {_number(values[1]):<26}")
    return 0
