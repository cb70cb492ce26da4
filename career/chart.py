"""The type profile as a server-drawn SVG bar chart: a fixed 0–8 scale with Klimov's bands (low, average,
pronounced) shaded behind the bars, every score written beside its bar. The page explains the same profile in
text and in a table, so nothing depends on seeing the drawing."""

from .klimov import MAX_SCORE

LABEL_WIDTH, SCALE_WIDTH, VALUE_WIDTH, ROW_HEIGHT, TOP, AXIS = 230, 320, 40, 34, 10, 24


def x_of(score):
    return round(LABEL_WIDTH + SCALE_WIDTH * score / MAX_SCORE)  # whole numbers: no locale decimal commas in SVG


def profile_chart(profile):
    rows = profile.rows()
    bottom = TOP + len(rows) * ROW_HEIGHT
    bars = [
        {
            **row,
            "y": TOP + n * ROW_HEIGHT,
            "text_y": TOP + n * ROW_HEIGHT + ROW_HEIGHT // 2 + 5,
            "width": max(x_of(row["score"]) - LABEL_WIDTH, 2),
            "value_x": x_of(row["score"]) + 6,
        }
        for n, row in enumerate(rows)
    ]
    bands = [
        {"x": x_of(0), "width": x_of(2.5) - x_of(0), "level": "low"},
        {"x": x_of(2.5), "width": x_of(6.5) - x_of(2.5), "level": "average"},
        {"x": x_of(6.5), "width": x_of(MAX_SCORE) - x_of(6.5), "level": "pronounced"},
    ]
    ticks = [{"x": x_of(score), "label": score} for score in range(MAX_SCORE + 1)]
    return {
        "bars": bars,
        "bands": bands,
        "ticks": ticks,
        "label_x": LABEL_WIDTH - 8,
        "bar_x": LABEL_WIDTH,
        "bar_height": ROW_HEIGHT - 12,
        "axis_y": bottom + 16,
        "band_top": TOP - 4,
        "band_height": bottom - TOP + 4,
        "width": LABEL_WIDTH + SCALE_WIDTH + VALUE_WIDTH,
        "height": bottom + AXIS,
    }
