"""Text tables for the terminal: the model's derivation, a shape's plan, a run's summary (Swedish)."""

from __future__ import annotations

from .model import LoadModel
from .shapes import PlannedShape


def _rows(rows, title: str) -> None:
    print(f"\n{title}")
    print(f"  {'storhet':52} {'värde':>10}  {'enhet':18} härledning")
    for row in rows:
        print(f"  {row.name:52} {row.value:>10.1f}  {row.unit:18} {row.how}")


def print_model(model: LoadModel, planned: PlannedShape) -> None:
    print("Lastmodell (loadtests/lastmodell.yaml)")
    print(f"  {'indata':32} {'värde':>10}  källa  beskrivning")
    for name, value in model.inputs.items():
        print(f"  {name:32} {value:>10g}  {model.sources[name]:5}  {model.texts[name]}")
    _rows(model.rows(), "Härledning (Littles lag på största timmen)")
    _rows(model.run_rows(planned.timing.compression), "I körningen (komprimerad tid)")
    print(f"\nForm {planned.timeline.name}: {planned.timeline.description}")
    print(f"  {planned.timeline.minutes:g} modellminuter = {planned.duration_s:.0f} s i körningen; "
          f"skala {planned.scale:g}; inloggningsanvändare {planned.login_users}; videodeltagare {planned.video_users}")
    print(f"  gruppmöten genom SFU:n: {planned.model.group_share:.0%} av mötena, {planned.model.group_size} deltagare "
          f"vardera (en vårdpersonal, {planned.model.group_size - 1} patienter), "
          f"{planned.model.group_messages_each} meddelanden per deltagare; gruppmötesanvändare {planned.group_users}")
    step = max(1, int(planned.duration_s / 12))
    print(f"  {'tid (s)':>8} {'möten':>7} {'par':>5} {'gruppmöten':>11} {'inloggningar/s':>15}")
    for second in range(0, int(planned.duration_s) + 1, step):
        print(f"  {second:>8} {planned.meetings_at(second):>7.0f} {planned.pairs_at(second):>5} "
              f"{planned.groups_at(second):>11} {planned.logins_at(second):>15.1f}")


def print_summary(summary: dict) -> None:
    state = "klar" if summary.get("complete") else "OFULLSTÄNDIG"
    print(f"\nLastform {summary.get('shape')}: {summary.get('duration_s', 0):.0f} s, {state}")
    print(f"  {'anrop':22} {'antal':>7} {'fel':>5} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'per s':>7}")
    for name, entry in summary.get("requests", {}).items():
        print(f"  {name:22} {entry['count']:>7} {entry['failures']:>5} {entry['p50_ms']:>8.0f} "
              f"{entry['p95_ms']:>8.0f} {entry['p99_ms']:>8.0f} {entry['rps']:>7.2f}")
    chat = summary.get("chat", {})
    print(f"  chatt: skickade {chat.get('sent', 0)}, levererade {chat.get('delivered', 0)}, "
          f"förlorade {chat.get('lost', 0)}, dubbletter {chat.get('duplicated', 0)}, "
          f"i fel ordning {chat.get('reordered', 0)}")
    print_group(summary.get("group"))
    video = summary.get("video")
    if video:
        print(f"  video under last: {video.get('visits', 0)} besök, {video.get('failures', 0)} av "
              f"{video.get('judged', 0)} bedömda underkända, {video.get('not_judged', 0)} ej bedömda")
        for failing in video.get("failing") or []:
            print(f"    {failing.get('visit')}: {failing.get('symptom') or failing.get('reason')}")


def _ms(value) -> str:
    return "–" if value is None else f"{value:.0f} ms"


def print_group(group: dict | None) -> None:
    """The group meetings' lines: meetings (and those not judged, with why), joins, chat per receiver."""
    if not group:
        return
    chat = group.get("chat", {})
    print(f"  gruppmöten genom SFU:n: {group.get('meetings', 0)} möten, {group.get('judged', 0)} bedömda, "
          f"{group.get('failed', 0)} avbrutna, {group.get('not_judged', 0)} ej bedömda; "
          f"{group.get('participants', 0)} deltagaranslutningar ({group.get('join_failures', 0)} fel), "
          f"anslutning p95 {_ms(group.get('join_p95_ms'))}, SFU:n p95 {_ms(group.get('sfu_join_p95_ms'))}")
    print(f"    chatt: {chat.get('sent', 0)} skickade × {chat.get('receivers', 0)} mottagare = "
          f"{chat.get('expected', 0)} leveranser; levererade {chat.get('delivered', 0)}, förlorade "
          f"{chat.get('lost', 0)}, dubbletter {chat.get('duplicated', 0)}, i fel ordning {chat.get('reordered', 0)}; "
          f"leverans p95 {_ms(group.get('delivery_p95_ms'))}")
    for text, count in (group.get("not_judged_reasons") or {}).items():
        print(f"    ej bedömt ({count}): {text}")
    for text, count in (group.get("meeting_failures") or {}).items():
        print(f"    avbrutet ({count}): {text}")
