"""Server-rendered SVG bar charts for the admin reports: no script, no outside CDN, readable when printed."""

from dataclasses import dataclass

from django.utils.formats import number_format

BAR_HEIGHT = 14
ROW_GAP = 12
LABEL_WIDTH = 210
CHART_WIDTH = 420
MAX_ROWS = 20  # a chart shows the first rows; the table below has them all
COLOURS = ("#0b6e6e", "#b9b2a8", "#c2571a", "#4a5a9c")  # contrast ≥ 3:1 on white for the first three


@dataclass
class Segment:
    y: int
    width: int
    colour: str
    text: str

    @property
    def text_x(self):
        return LABEL_WIDTH + self.width + 4

    @property
    def text_y(self):
        return self.y + 11


@dataclass
class Row:
    label: str
    label_y: int
    segments: list


def _text(value, suffix):
    if value is None:
        return "—"
    return (number_format(value, 1) if isinstance(value, float) else str(value)) + suffix


def bar_chart(items, *, legend, maximum=None, suffix=""):
    """Geometry of a horizontal bar chart: one group of bars per item.

    ``items`` are ``(label, [value, ...])`` with one value per ``legend`` entry (None draws no bar);
    ``maximum`` fixes the scale (100 for shares), else the largest value fills the width. None when there is
    nothing to draw (no value above zero).
    """
    items = items[:MAX_ROWS]
    series = len(legend)
    group = series * BAR_HEIGHT + ROW_GAP
    values = [v for _label, row in items for v in row if v]
    if not values:
        return None
    largest = maximum or max([1, *values])
    rows = []
    for index, (label, row) in enumerate(items):
        y = index * group
        segments = [
            Segment(
                y=y + k * BAR_HEIGHT,
                width=round(CHART_WIDTH * min(value or 0, largest) / largest),
                colour=COLOURS[k % len(COLOURS)],
                text=_text(value, suffix),
            )
            for k, value in enumerate(row)
        ]
        rows.append(Row(label=str(label), label_y=y + BAR_HEIGHT, segments=segments))
    return {
        "rows": rows,
        "legend": [(name, COLOURS[k % len(COLOURS)]) for k, name in enumerate(legend)],
        "height": max(len(rows) * group, 1),
        "width": LABEL_WIDTH + CHART_WIDTH + 70,
        "label_width": LABEL_WIDTH,
        "bar_height": BAR_HEIGHT,
    }
