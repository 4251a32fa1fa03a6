"""An inline SVG chart of one visit: fps, packet loss and round-trip time over time, with the network
drops shaded. Plain SVG text, so the report and Allure show it without any chart library."""

from __future__ import annotations

from html import escape

from .visit import VisitResult

WIDTH, PANEL_HEIGHT, LEFT, RIGHT, TOP, GAP = 760, 120, 60, 170, 30, 34
COLOURS = ["#1f77b4", "#d95f02", "#2ca02c", "#7570b3"]
PANELS = [("fps_received", "Mottagna bilder per sekund"), ("loss_pct", "Paketförlust (%)"),
          ("rtt_ms", "Tur och retur (ms)")]


def _panel(result: VisitResult, key: str, title: str, top: float, t_max: float) -> list[str]:
    plot_width = WIDTH - LEFT - RIGHT
    values = [getattr(p, key) for s in result.series.values() for p in s.points if getattr(p, key) is not None]
    v_max = max([1.0] + values) * 1.1
    x = lambda t: LEFT + plot_width * t / t_max  # noqa: E731
    y = lambda v: top + PANEL_HEIGHT * (1 - v / v_max)  # noqa: E731
    parts = [f'<text x="{LEFT}" y="{top - 8}" class="title">{escape(title)}</text>',
             f'<rect x="{LEFT}" y="{top}" width="{plot_width}" height="{PANEL_HEIGHT}" class="frame"/>']
    for window in result.windows:
        parts.append(f'<rect x="{x(window.start_s):.1f}" y="{top}" width="{x(window.end_s) - x(window.start_s):.1f}" '
                     f'height="{PANEL_HEIGHT}" class="drop"><title>Avbrott hos {escape(window.role)}</title></rect>')
    for fraction in (0, 0.5, 1):
        value = v_max * fraction
        parts.append(f'<text x="{LEFT - 6}" y="{y(value) + 4:.1f}" class="axis" text-anchor="end">{value:.0f}</text>')
    for index, series in enumerate(result.series.values()):
        for segment in _segments([(p.t_s, getattr(p, key)) for p in series.points if p.t_s >= 0]):
            path = " ".join(f"{x(t):.1f},{y(v):.1f}" for t, v in segment)
            parts.append(f'<polyline points="{path}" fill="none" stroke="{COLOURS[index % len(COLOURS)]}" '
                         f'stroke-width="1.8"/>')
    return parts


def _segments(values: list[tuple[float, float | None]]) -> list[list[tuple[float, float]]]:
    """Runs of measured seconds: a second without a value (no packets at all) breaks the line, never bridges it."""
    runs, current = [], []
    for t, value in values:
        if value is None:
            runs, current = runs + [current] if current else runs, []
        else:
            current.append((t, value))
    return runs + [current] if current else runs


def render_svg(result: VisitResult) -> str:
    t_max = max([1.0] + [p.t_s for s in result.series.values() for p in s.points])
    height = TOP + len(PANELS) * (PANEL_HEIGHT + GAP) + 20
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" '
             f'viewBox="0 0 {WIDTH} {height}" font-family="sans-serif" font-size="11">',
             "<style>.title{font-weight:bold}.axis{fill:#555}.frame{fill:none;stroke:#999}"
             ".drop{fill:#999;fill-opacity:.25}</style>",
             f'<text x="{LEFT}" y="16" class="title">{escape(result.visit)}: {result.tier.swedish}</text>']
    for index, (key, title) in enumerate(PANELS):
        parts += _panel(result, key, title, TOP + 18 + index * (PANEL_HEIGHT + GAP), t_max)
    bottom = TOP + 18 + len(PANELS) * (PANEL_HEIGHT + GAP) - GAP + 14
    parts.append(f'<text x="{WIDTH - RIGHT}" y="{bottom}" class="axis" text-anchor="end">'
                 f'tid (s), 0–{t_max:.0f}</text>')
    for index, role in enumerate(result.series):
        legend_y = TOP + 30 + index * 16
        parts.append(f'<rect x="{WIDTH - RIGHT + 12}" y="{legend_y - 9}" width="12" height="3" '
                     f'fill="{COLOURS[index % len(COLOURS)]}"/><text x="{WIDTH - RIGHT + 28}" y="{legend_y - 4}">'
                     f'{escape(role)} tar emot</text>')
    if result.windows:
        legend_y = TOP + 30 + len(result.series) * 16
        parts.append(f'<rect x="{WIDTH - RIGHT + 12}" y="{legend_y - 12}" width="12" height="10" class="drop"/>'
                     f'<text x="{WIDTH - RIGHT + 28}" y="{legend_y - 4}">nätavbrott</text>')
    parts.append("</svg>")
    return "\n".join(parts)
