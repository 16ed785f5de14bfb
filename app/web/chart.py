"""The estimates over time as an SVG drawn on the server: no chart library, no script.

x is the article's date, y the figure; one colour per source (who gives the figure). The
qualifier is drawn, not hidden: "more than" and "at least" are floors (a bar with an arrow up),
"up to" and "almost" ceilings (arrow down), a range is a band from its low to its high figure,
"about" a hollow circle, an exact figure a dot. Every mark links to its words in the article.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from markupsafe import Markup, escape

from app.web.format import figure, number

PALETTE = ["#0b5cad", "#c2410c", "#15803d", "#7c3aed", "#be123c", "#0e7490", "#a16207", "#4b5563",
           "#db2777", "#65a30d", "#1e3a8a", "#92400e"]
W, H = 800, 320
LEFT, RIGHT, TOP, BOTTOM = 70, 220, 20, 40
FLOORS = {"more_than", "at_least"}
CEILINGS = {"up_to", "almost"}


@dataclass
class Point:
    day: date
    value: float
    value_max: float | None
    qualifier: str
    series: str
    link: str
    label: str


def points_of(rows) -> list[Point]:  # noqa: ANN001
    """EstimateRows with a date → points, one per source (an estimate two sources give is in both)."""
    out = []
    for r in rows:
        if r.article.published is None or r.estimate.qualifier == "vague":
            continue
        e = r.estimate
        names = [a.name for a in r.sources] or ["unnamed"]
        for name in names:
            label = f"{figure(e)} {e.unit or ''} — {name}, {r.article.published.isoformat()}: „{e.text}“"
            out.append(Point(r.article.published, e.value, e.value_max, e.qualifier, name,
                             f"/articles/{r.article.id}#e-{e.start}", label))
    return out


def _nice_max(v: float) -> float:
    if v <= 0:
        return 1.0
    magnitude = 10 ** (len(str(int(v))) - 1)
    for step in (1, 2, 2.5, 5, 10):
        if step * magnitude >= v:
            return step * magnitude
    return 10 * magnitude


def draw(points: list[Point], unit: str | None, title: str) -> Markup:
    if not points:
        return Markup("")
    days = [p.day for p in points]
    first, last = min(days) - timedelta(days=15), max(days) + timedelta(days=15)
    span = (last - first).days or 1
    top = _nice_max(max(max(p.value, p.value_max or 0) for p in points) * 1.08)
    series = list(dict.fromkeys(p.series for p in sorted(points, key=lambda p: p.series)))
    colour = {name: PALETTE[i % len(PALETTE)] for i, name in enumerate(series)}
    plot_w, plot_h = W - LEFT - RIGHT, H - TOP - BOTTOM

    def x(d: date) -> float:
        return LEFT + (d - first).days / span * plot_w

    def y(v: float) -> float:
        return TOP + plot_h - v / top * plot_h

    out = [
        f'<svg class="chart" viewBox="0 0 {W} {H}" role="img" aria-labelledby="chart-title chart-desc" '
        f'xmlns="http://www.w3.org/2000/svg" data-points="{len(points)}">',
        f'<title id="chart-title">{escape(title)}</title>',
        f'<desc id="chart-desc">{len(points)} figures from {first + timedelta(days=15)} to {last - timedelta(days=15)}; '
        f"floors point up, ceilings down, ranges are bands. The table beside lists them.</desc>",
    ]
    for i in range(5):  # grid and y labels
        v = top * i / 4
        out.append(f'<line class="grid" x1="{LEFT}" x2="{LEFT + plot_w}" y1="{y(v):.1f}" y2="{y(v):.1f}"/>')
        out.append(f'<text class="axis" x="{LEFT - 6}" y="{y(v) + 4:.1f}" text-anchor="end">{number(v)}</text>')
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    step = max(1, -(-months // 8))  # at most 8 labels
    for i in range(0, months + 1, step):  # x labels on the first of a month
        month = date(first.year + (first.month - 1 + i) // 12, (first.month - 1 + i) % 12 + 1, 1)
        if first <= month <= last:
            out.append(f'<text class="axis" x="{x(month):.1f}" y="{H - BOTTOM + 18}" text-anchor="middle">'
                       f"{month.strftime('%b %Y')}</text>")
    if unit:
        out.append(f'<text class="axis unit" x="{LEFT}" y="{TOP - 6}">{escape(unit)}</text>')
    for p in sorted(points, key=lambda p: (p.day, p.series)):
        c = colour[p.series]
        cx, cy = x(p.day), y(p.value)
        out.append(f'<a href="{escape(p.link)}" class="mark q-{escape(p.qualifier)}"><title>{escape(p.label)}</title>')
        if p.value_max is not None:
            out.append(f'<rect x="{cx - 5:.1f}" y="{y(p.value_max):.1f}" width="10" height="{cy - y(p.value_max):.1f}" '
                       f'fill="{c}" fill-opacity=".35" stroke="{c}"/>')
        elif p.qualifier in FLOORS:
            out.append(f'<line x1="{cx:.1f}" x2="{cx:.1f}" y1="{cy:.1f}" y2="{cy - 22:.1f}" stroke="{c}" stroke-width="2" '
                       f'stroke-dasharray="3 2"/><path d="M{cx - 6:.1f},{cy:.1f}h12" stroke="{c}" stroke-width="3"/>'
                       f'<path d="M{cx - 5:.1f},{cy - 18:.1f}l5,-8l5,8z" fill="{c}"/>')
        elif p.qualifier in CEILINGS:
            out.append(f'<line x1="{cx:.1f}" x2="{cx:.1f}" y1="{cy:.1f}" y2="{cy + 22:.1f}" stroke="{c}" stroke-width="2" '
                       f'stroke-dasharray="3 2"/><path d="M{cx - 6:.1f},{cy:.1f}h12" stroke="{c}" stroke-width="3"/>'
                       f'<path d="M{cx - 5:.1f},{cy + 18:.1f}l5,8l5,-8z" fill="{c}"/>')
        elif p.qualifier == "approx":
            out.append(f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="5" fill="#fff" stroke="{c}" stroke-width="2.5"/>')
        else:
            out.append(f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="5" fill="{c}"/>')
        out.append("</a>")
    for i, name in enumerate(series):  # legend
        ly = TOP + 10 + i * 18
        out.append(f'<rect x="{W - RIGHT + 16}" y="{ly - 9}" width="10" height="10" fill="{colour[name]}"/>'
                   f'<text class="legend" x="{W - RIGHT + 32}" y="{ly}">{escape(name)}</text>')
    ly = TOP + 20 + len(series) * 18
    out.append(f'<text class="legend key" x="{W - RIGHT + 16}" y="{ly}">▲ floor (more than)</text>'
               f'<text class="legend key" x="{W - RIGHT + 16}" y="{ly + 16}">▼ ceiling (up to)</text>'
               f'<text class="legend key" x="{W - RIGHT + 16}" y="{ly + 32}">▮ range  ○ about  ● exact</text>')
    out.append("</svg>")
    return Markup("".join(out))


def estimates_chart(rows, unit: str | None) -> Markup:  # noqa: ANN001
    """The chart of `rows` (EstimateRows) of one unit: the given one, else the most frequent."""
    if unit is None:
        units = [r.estimate.unit for r in rows if r.estimate.unit and r.article.published]
        unit = max(set(units), key=units.count) if units else None
    chosen = [r for r in rows if r.estimate.unit == unit]
    title = f"Estimates of {unit or 'figures'} over time, by who gives them"
    return draw(points_of(chosen), unit, title)
