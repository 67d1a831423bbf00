"""Server-rendered SVG bar charts for the admin reports: no script, no outside CDN, readable when printed."""

from dataclasses import dataclass

BAR_HEIGHT = 14
ROW_GAP = 12
LABEL_WIDTH = 190
CHART_WIDTH = 420


@dataclass
class Bar:
    label: str
    y: int
    current_width: int
    previous_width: int
    current: int
    previous: int


def bar_chart(rows):
    """Geometry for one pair of bars per row (this period, a year earlier), scaled to the largest count."""
    largest = max([1, *(max(row.current, row.previous) for row in rows)])
    bars = []
    for index, row in enumerate(rows):
        y = index * (2 * BAR_HEIGHT + ROW_GAP)
        bars.append(
            Bar(
                label=row.label,
                y=y,
                current_width=round(CHART_WIDTH * row.current / largest),
                previous_width=round(CHART_WIDTH * row.previous / largest),
                current=row.current,
                previous=row.previous,
            )
        )
    height = len(rows) * (2 * BAR_HEIGHT + ROW_GAP)
    return {
        "bars": bars,
        "height": height,
        "width": LABEL_WIDTH + CHART_WIDTH + 60,
        "label_width": LABEL_WIDTH,
        "bar_height": BAR_HEIGHT,
    }
