"""Small inline SVG line charts for the HTML report: no scripts, no external requests."""

from __future__ import annotations

from html import escape

WIDTH, HEIGHT, PAD = 320, 120, 28
VERDICT_COLOURS = {"GO": "#0b7a32", "GO MED RISK": "#b07d00", "NO-GO": "#b3121f"}


def line_chart(title: str, points: list[tuple[str, float | None, str]]) -> str:
    """points: (run id, value or None, verdict) in time order. Returns an <svg> element as text."""
    present = [(i, v) for i, (_, v, _) in enumerate(points) if v is not None]
    header = f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="{escape(title)}">'
    label = f'<text x="{PAD}" y="14" font-size="11">{escape(title)}</text>'
    if not present:
        return f'{header}{label}<text x="{PAD}" y="60" font-size="11" fill="#777">Ingen historik än.</text></svg>'
    values = [v for _, v in present]
    low, high = min(values), max(values)
    span = (high - low) or (abs(high) or 1.0)
    step = (WIDTH - 2 * PAD) / max(len(points) - 1, 1)

    def xy(index: int, value: float) -> tuple[float, float]:
        return PAD + index * step, HEIGHT - PAD - (value - low) / span * (HEIGHT - 2 * PAD - 10)

    path = " ".join(f"{'M' if n == 0 else 'L'}{x:.1f},{y:.1f}" for n, (x, y) in
                    enumerate(xy(i, v) for i, v in present))
    dots = "".join(
        f'<circle cx="{xy(i, v)[0]:.1f}" cy="{xy(i, v)[1]:.1f}" r="3" fill="{VERDICT_COLOURS.get(points[i][2], "#444")}">'
        f'<title>{escape(points[i][0])}: {v:.4g} ({escape(points[i][2])})</title></circle>' for i, v in present)
    axis = (f'<text x="2" y="{HEIGHT - PAD:.0f}" font-size="9" fill="#555">{low:.3g}</text>'
            f'<text x="2" y="{PAD + 4:.0f}" font-size="9" fill="#555">{high:.3g}</text>')
    return f'{header}{label}{axis}<path d="{path}" fill="none" stroke="#335" stroke-width="1.5"/>{dots}</svg>'
