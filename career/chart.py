"""The type profile as a bar chart: a fixed 0–8 scale with Klimov's bands (low, average, pronounced) shaded behind
the bars, every score written beside its bar. The page explains the same profile in text and in a table, so nothing
depends on seeing the drawing.

The labels and numbers are HTML text, not SVG text: a drawing scaled to a phone's width would shrink its letters
to about 6 px and cut the longest label («человек – художественный образ»). Only each row's track (bands and bar)
is a small SVG stretched to the width left beside the label; the labels wrap, and go above their bars on a narrow
screen (site.css: .profile-chart)."""

from .klimov import MAX_SCORE

SCALE_WIDTH, TRACK_HEIGHT, BAR_INSET = 320, 10, 2


def x_of(score):
    return round(SCALE_WIDTH * score / MAX_SCORE)  # whole numbers: no locale decimal commas in SVG


def profile_chart(profile):
    bars = [{**row, "width": max(x_of(row["score"]), 2)} for row in profile.rows()]
    bands = [
        {"x": x_of(0), "width": x_of(2.5) - x_of(0), "level": "low"},
        {"x": x_of(2.5), "width": x_of(6.5) - x_of(2.5), "level": "average"},
        {"x": x_of(6.5), "width": x_of(MAX_SCORE) - x_of(6.5), "level": "pronounced"},
    ]
    return {
        "bars": bars,
        "bands": bands,
        "ticks": list(range(MAX_SCORE + 1)),
        "width": SCALE_WIDTH,
        "height": TRACK_HEIGHT,
        "bar_y": BAR_INSET,
        "bar_height": TRACK_HEIGHT - 2 * BAR_INSET,
    }
