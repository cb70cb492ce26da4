"""Draws the seed illustrations (abstract landscapes of the Amur region in the portal's colours).

Made by the project and released under CC0, so the seed needs no third-party licence.
Run once: ``python media_seed/images/make_images.py``; the PNGs are committed.
"""

from pathlib import Path

from PIL import Image, ImageDraw

HERE = Path(__file__).parent
SIZE = (1200, 630)


def landscape(path, sky, hills, river, sun):
    img = Image.new("RGB", SIZE, sky)
    draw = ImageDraw.Draw(img)
    draw.ellipse((880, 70, 1020, 210), fill=sun)
    for i, colour in enumerate(hills):
        base = 330 + i * 70
        points = [(0, SIZE[1])] + [(x, base - ((x * (i + 3)) % 170) // 2) for x in range(0, SIZE[0] + 100, 100)]
        draw.polygon([*points, (SIZE[0], SIZE[1])], fill=colour)
    draw.polygon([(0, 560), (400, 520), (800, 545), (1200, 510), (1200, 630), (0, 630)], fill=river)
    img.save(path, optimize=True)


def blocks(path, colours):
    img = Image.new("RGB", SIZE, "#eef4fa")
    draw = ImageDraw.Draw(img)
    for i, colour in enumerate(colours):
        x = 120 + i * 200
        height = 120 + i * 70
        draw.rectangle((x, 560 - height, x + 140, 560), fill=colour)
    draw.line((80, 560, 1120, 560), fill="#1a1a1a", width=6)
    img.save(path, optimize=True)


if __name__ == "__main__":
    landscape(HERE / "amur-dawn.png", "#cfe3f5", ["#2f6b4f", "#245a41", "#1b4733"], "#0b4f8a", "#ffbf47")
    landscape(HERE / "taiga-evening.png", "#f4d9c6", ["#6b4f2f", "#57401f", "#3f2e15"], "#083a66", "#d9480f")
    blocks(HERE / "growth.png", ["#0b4f8a", "#1d6b30", "#a4410e", "#6a3d9a", "#083a66"])
