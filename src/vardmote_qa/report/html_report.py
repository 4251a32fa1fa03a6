"""The HTML decision report for a release manager, in Swedish, self-contained (no external
requests: styles inline, charts as inline SVG, screenshots embedded)."""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from ..run.layout import PartStatus
from .charts import line_chart
from .document import DecisionDocument

_TEMPLATES = Environment(loader=FileSystemLoader(Path(__file__).parent / "templates"),
                         autoescape=select_autoescape(["html", "j2"]))
_TEMPLATES.globals.update(PartStatus=PartStatus)  # the template compares enums, never words
TREND_CHART_LIMIT = 6


def _trend_charts(document: DecisionDocument) -> list[Markup]:
    trend = document.trend
    charts = [line_chart("Andel godkända scenarier", [(t.run_id, t.pass_rate, t.verdict) for t in trend])]
    numeric_ids = [c.id for c in document.criteria if isinstance(c.value, (int, float))
                   and not isinstance(c.value, bool)]
    for criterion_id in numeric_ids[:TREND_CHART_LIMIT - 1]:
        charts.append(line_chart(criterion_id, [(t.run_id, t.values.get(criterion_id), t.verdict) for t in trend]))
    return [Markup(chart) for chart in charts]


def render(document: DecisionDocument) -> str:
    return _TEMPLATES.get_template("decision.html.j2").render(doc=document, charts=_trend_charts(document))


def write(document: DecisionDocument, path: Path) -> Path:
    path.write_text(render(document), encoding="utf-8")
    return path
