"""Server-rendered SVG bar charts: one horizontal bar per row (a district, or a year), the target as a
dashed line, rows below target marked by pattern as well as colour, every value written as text. The page
shows the same numbers in a table beside the chart, so nothing depends on seeing it."""

from dataclasses import dataclass

LABEL_WIDTH, BAR_AREA, VALUE_WIDTH, ROW_HEIGHT, TOP = 250, 300, 70, 22, 8


@dataclass
class Bar:
    label: str
    value: object
    x: float
    y: float
    width: float
    below: bool

    @property
    def label_x(self):
        return self.x - 6

    @property
    def value_x(self):
        return round(self.x + self.width + 4, 1)


def bar_chart(rows, target=None):
    """``rows``: [(label, value or None)]; rows without a value are left out of the drawing."""
    drawn = [(label, value) for label, value in rows if value is not None]
    largest = max([float(v) for _label, v in drawn] + [float(target or 0), 1.0])
    scale = BAR_AREA / (largest * 1.05)
    bars = [
        Bar(
            label=str(label),
            value=value,
            x=LABEL_WIDTH,
            y=TOP + n * ROW_HEIGHT,
            width=round(max(float(value) * scale, 1), 1),
            below=target is not None and value < target,
        )
        for n, (label, value) in enumerate(drawn)
    ]
    height = TOP * 2 + len(bars) * ROW_HEIGHT
    return {
        "bars": bars,
        "width": LABEL_WIDTH + BAR_AREA + VALUE_WIDTH,
        "height": height,
        "target_x": round(LABEL_WIDTH + float(target) * scale, 1) if target is not None else None,
        "target": target,
        "bar_height": ROW_HEIGHT - 6,
    }
