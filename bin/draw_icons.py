"""Draw the logo mark (site/portal/static/portal/logo.svg) as the PNG and ICO icons browsers and phones ask for.

Run from the repository root after changing the mark: .venv/bin/python bin/draw_icons.py"""

import math

from PIL import Image, ImageDraw

BLUE, WHITE, YELLOW = (11, 79, 138, 255), (255, 255, 255, 255), (255, 191, 71, 255)


def draw(size, scale=8):
    n = size * scale
    k = n / 64
    im = Image.new("RGBA", (n, n), (0, 0, 0, 0))
    d = ImageDraw.Draw(im)
    d.rounded_rectangle([0, 0, n - 1, n - 1], radius=12 * k, fill=BLUE)
    wave = [(x * k, (49 + 3 * math.sin((x - 8) / 16 * 2 * math.pi)) * k) for x in [8 + i * 0.5 for i in range(97)]]
    d.line(wave, fill=WHITE, width=round(4 * k), joint="curve")
    for x, y in (wave[0], wave[-1]):
        r = 2 * k
        d.ellipse([x - r, y - r, x + r, y + r], fill=WHITE)
    for pts in ([(12, 38), (26, 25), (34, 33), (50, 17)], [(40, 15), (52, 15), (52, 27)]):
        p = [(x * k, y * k) for x, y in pts]
        d.line(p, fill=YELLOW, width=round(5 * k), joint="curve")
        for x, y in (p[0], p[-1]):
            r = 2.5 * k
            d.ellipse([x - r, y - r, x + r, y + r], fill=YELLOW)
    return im.resize((size, size), Image.LANCZOS)


out = "site/portal/static/portal/icons/"
for size in (180, 192, 512):
    draw(size).save(f"{out}icon-{size}.png", optimize=True)
draw(48).save(f"{out}favicon.ico", sizes=[(16, 16), (32, 32), (48, 48)])
