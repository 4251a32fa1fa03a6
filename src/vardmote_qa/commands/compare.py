"""`vmqa compare RUN_A RUN_B`: two runs side by side, per criterion and per network profile."""

from __future__ import annotations

import json


def register(subparsers) -> None:
    parser = subparsers.add_parser("compare", help="jämför två körningar per kriterium och nätverksprofil")
    parser.add_argument("run_a", help="körning A (t.ex. före ett byte av videomotor)")
    parser.add_argument("run_b", help="körning B (efter)")
    parser.set_defaults(handler=handle)


def _load(path):
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError):
        return None


def _number(value) -> str:
    return f"{value:.4g}" if isinstance(value, (int, float)) and not isinstance(value, bool) else (
        "–" if value is None else str(value))


def _cell(criterion: dict | None) -> str:
    return f"{criterion['status']:<8} {_number(criterion['value'])}" if criterion else "saknas"


def _change(left: dict | None, right: dict | None) -> str:
    numbers = [c["value"] if c else None for c in (left, right)]
    if not all(isinstance(n, (int, float)) and not isinstance(n, bool) for n in numbers) or not numbers[0]:
        return ""
    return f"{(numbers[1] - numbers[0]) / abs(numbers[0]) * 100:+.1f} %"


def handle(arguments) -> int:
    from ..errors import UserError
    from ..run.layout import RunLayout
    from ..run.record import resolve_run
    paths = [resolve_run(arguments.run_a), resolve_run(arguments.run_b)]
    layouts = [RunLayout(path) for path in paths]
    decisions = [_load(layout.decision_json) for layout in layouts]
    for path, decision in zip(paths, decisions):
        if decision is None:
            raise UserError(f"Körningen {path.name} har inget beslut än: kör 'vmqa gate {path.name}' först.")
    a, b = decisions
    print(f"{'':<38} {'A: ' + a['run_id']:<26} {'B: ' + b['run_id']:<26}")
    print(f"{'Beslut':<38} {a['decision']:<26} {b['decision']:<26}")
    print(f"{'Målversion':<38} {str(a.get('target_version') or '–')[:25]:<26} {str(b.get('target_version') or '–')[:25]:<26}")
    print("\nKriterier")
    by_id = [{c["id"]: c for c in decision["criteria"]} for decision in decisions]
    for criterion_id in dict.fromkeys([*by_id[0], *by_id[1]]):
        left, right = by_id[0].get(criterion_id), by_id[1].get(criterion_id)
        print(f"  {criterion_id:<36} {_cell(left):<26} {_cell(right):<26} {_change(left, right)}")
    media = [_load(layout.media_summary) or {} for layout in layouts]
    profiles = sorted(set((media[0].get("profiles") or {})) | set((media[1].get("profiles") or {})))
    if profiles:
        print("\nVideo per nätverksprofil (p95)")
        for profile in profiles:
            sides = [(m.get("profiles") or {}).get(profile) or {} for m in media]
            measures = sorted(set(sides[0].get("measures", {})) | set(sides[1].get("measures", {})))
            for measure in measures:
                values = [side.get("measures", {}).get(measure, {}).get("p95") for side in sides]
                print(f"  {profile + ' ' + measure:<36} {_number(values[0]):<26} {_number(values[1]):<26}")
    _failure_shares(media)
    _engines(media, layouts, [a["run_id"], b["run_id"]])
    return 0


def _visits(layout) -> list[dict]:
    folder = layout.media_visits
    records = [_load(path) for path in sorted(folder.glob("*.json"))] if folder.is_dir() else []
    return [r for r in records if r and "kampanj" in (r.get("tags") or [])]


def _engines(media: list[dict], layouts, names: list[str]) -> None:
    """Each run's engine table (its engines interleaved in the run); when the runs ran one engine each, the
    table over both runs' campaign visits, said to be weaker: the two engines met different noise."""
    from ..media.engines import DEFAULT_ENGINE, compare_engines, engine_of, table_lines
    from ..media.thresholds import load_thresholds
    for name, summary in zip(names, media):
        if summary.get("engines"):
            print(f"\nVideomotorerna i {name} (varvade i samma körning)")
            print("\n".join(table_lines(summary["engines"])))
    visits = [_visits(layout) for layout in layouts]
    engines = [{engine_of(v) for v in run} for run in visits]
    if all(len(e) == 1 for e in engines) and engines[0] != engines[1]:
        marked = [{**v, "engine": v.get("engine") or DEFAULT_ENGINE} for run in visits for v in run]
        print(f"\nVideomotorerna mellan körningarna ({names[0]}: {', '.join(engines[0])}; "
              f"{names[1]}: {', '.join(engines[1])}). Obs: inte varvade, så datorns brus kan skilja mellan dem.")
        print("\n".join(table_lines(compare_engines(marked, load_thresholds()))))


def _failure_shares(media: list[dict]) -> None:
    """Per profile the campaign's failure share in A and B, and Fisher's exact test of B above A."""
    from ..media.failure_share import fisher_greater, share_text
    campaigns = [{name: p["campaign"] for name, p in (m.get("profiles") or {}).items() if p.get("campaign")}
                 for m in media]
    profiles = sorted(set(campaigns[0]) | set(campaigns[1]))
    if not profiles:
        return
    print("\nFelandel per profil (videokampanjen; Fishers exakta test, ensidigt: är B högre än A?)")
    for profile in profiles:
        sides = [c.get(profile) for c in campaigns]
        cells = [f"{s['failures']}/{s['judged']} (≤ {share_text(s.get('upper_bound'))})" if s else "saknas"
                 for s in sides]
        test = ""
        if all(s and s["judged"] for s in sides):
            p_value = fisher_greater(sides[1]["failures"], sides[1]["judged"], sides[0]["failures"], sides[0]["judged"])
            test = f"p = {p_value:.3f}".replace(".", ",") + (" högre" if p_value < 0.05 else " ingen säker ökning")
        print(f"  {profile:<36} {cells[0]:<26} {cells[1]:<26} {test}")
