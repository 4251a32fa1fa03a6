"""The decision as Markdown, for a release note or a ticket."""

from __future__ import annotations

from pathlib import Path

from .document import DecisionDocument, MeetingMatrix


def _cell(text) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


STRIP = {"pass": "■", "fail": "✖", "not_judged": "·"}


def _campaign_lines(media: dict | None) -> list[str]:
    """Per profile the campaign's visits as a strip (■ godkänd, ✖ underkänd, · ej bedömd) and the bound."""
    campaigns = {name: p["campaign"] for name, p in ((media or {}).get("profiles") or {}).items() if p.get("campaign")}
    if not campaigns:
        return []
    lines = ["", "## Felandel per profil (videokampanjen)", "", "■ godkänd · ✖ underkänd · · ej bedömd", ""]
    for name, c in campaigns.items():
        bound = "" if c.get("upper_bound") is None else (
            f" Den här körningen utesluter felandelar över {100 * c['upper_bound']:.1f} %.".replace(".", ",", 1))
        lines += [f"- **{name}**: {c['failures']} av {c['judged']} bedömda underkända, {c['not_judged']} ej bedömda."
                  f"{bound} `{''.join(STRIP.get(o, '?') for o in c['outcomes'])}`"]
        lines += [f"  - {f['visit']}: {_cell(f.get('symptom') or f.get('reason'))}" for f in c.get("failing") or []]
    return lines


def _meeting_lines(meetings: tuple[MeetingMatrix, ...]) -> list[str]:
    """Per meeting of several a receiver × sender table: each cell the pair's tier and its main reason."""
    if not meetings:
        return []
    lines = ["", "## Videokvalitet per par i gruppmöten", "",
             "Rad: mottagare, kolumn: avsändare. \"ej bedömd\": testdatorn hann inte med."]
    for m in meetings:
        unjudged = f" bland de bedömda paren ({m.not_judged} av {m.pairs} par ej bedömda)" if m.not_judged else ""
        lines += ["", f"### {_cell(m.visit)}: {m.verdict_text}{unjudged}", "",
                  "| Mottagare \\ avsändare | " + " | ".join(_cell(s) for s in m.participants) + " |",
                  "|---" * (len(m.participants) + 1) + "|"]
        lines += [f"| {_cell(row.receiver)} | " + " | ".join(
            "–" if cell is None else f"**{cell.text}**: {_cell(cell.reason)}" for cell in row.cells) + " |"
            for row in m.rows]
    return lines


def render(document: DecisionDocument) -> str:
    lines = [f"# Beslutsunderlag {document.run_id}: **{document.decision}**", "",
             f"Miljö: {document.environment} · målversion: {_cell(document.target_version or 'okänd')} · "
             f"{document.started_at} – {document.finished_at or 'inte avslutad'}", "", "## Skäl", ""]
    if document.partial:
        lines[1:1] = ["", f"**{document.partial}**: beslutet gäller bara de bedömda kriterierna."]
    lines += [f"- {reason}" for reason in document.reasons]
    lines += ["", "## Kriterier", "", "| Kriterium | Resultat | Värde | Mot baslinje |", "|---|---|---|---|"]
    for criterion in document.criteria:
        baseline = criterion.baseline
        change = f"{baseline.change_percent:+.1f} % ({baseline.run_id})" if baseline else "–"
        key = " (nyckel)" if criterion.key else ""
        lines.append(f"| {criterion.id}{key} | {criterion.status_text} | {_cell(criterion.value_text)} "
                     f"| {change} |")
    waivers = document.waivers
    if waivers.applied or waivers.expired:
        lines += ["", "## Undantag", ""]
        lines += [f"- Gäller: {w.subject} till {w.until} ({w.who}: {w.why})" for w in waivers.applied]
        lines += [f"- Utgånget: {w.subject} ({w.until}, {w.who})" for w in waivers.expired]
    failed = document.failed_scenarios
    if failed:
        lines += ["", "## Underkända scenarier", ""]
        lines += [f"- {s.feature}: {s.name} – {_cell(s.message)}" for s in failed]
    lines += _campaign_lines(document.media)
    lines += _meeting_lines(document.meetings)
    lines += ["", "Innehåll: " + ("endast syntetiska testdata." if document.synthetic_data
                                  else "verkliga personers data i målmiljön."), "", "Bilagor: " + document.attachments, ""]
    return "\n".join(lines)


def write(document: DecisionDocument, path: Path) -> Path:
    path.write_text(render(document), encoding="utf-8")
    return path
