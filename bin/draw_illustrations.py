"""Draw the portal's illustrations: one flat scene per sector of the atlas and one for the home page.

The scenes are the project's own work (CC BY 4.0), in the palette of site/portal/static/portal/css/site.css. They are
written to media_seed/illustrations/ with illustrations.json, which the seeds read (atlas/seed.py gives each sector its
scene, home/seed.py the home page its hero); the alt text is written here by hand, one sentence per scene.

Run from the repository root after changing a scene: .venv/bin/python bin/draw_illustrations.py"""

import json
from pathlib import Path

W, H = 640, 360
# The palette: the brand blues of the logo, its yellow, the light blues of the charts, a forest green.
BRAND, DARK, SKY, LIGHT, MID = "#0b4f8a", "#083a66", "#eef4fa", "#c9dbee", "#5b8fc4"
YELLOW, WHITE, GREEN, GREEN_DARK, GROUND, GREY = "#ffbf47", "#ffffff", "#3d8b5a", "#24603a", "#dfe9d6", "#8a96a3"
CREDIT = "Рисунок: проект «Учись и работай в Хабаровском крае», CC BY 4.0"
OUT = Path("media_seed/illustrations")


def rect(x, y, w, h, fill, rx=0):
    return f'<rect x="{x}" y="{y}" width="{w}" height="{h}" rx="{rx}" fill="{fill}"/>'


def circle(cx, cy, r, fill):
    return f'<circle cx="{cx}" cy="{cy}" r="{r}" fill="{fill}"/>'


def poly(points, fill):
    return f'<polygon points="{" ".join(f"{x},{y}" for x, y in points)}" fill="{fill}"/>'


def path(d, fill="none", stroke=None, width=0, cap="round"):
    s = f' stroke="{stroke}" stroke-width="{width}" stroke-linecap="{cap}" stroke-linejoin="round"' if stroke else ""
    return f'<path d="{d}" fill="{fill}"{s}/>'


def line(x1, y1, x2, y2, stroke, width):
    ends = f'x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}"'
    return f'<line {ends} stroke="{stroke}" stroke-width="{width}" stroke-linecap="round"/>'


def sky(sun=(540, 80)):
    return rect(0, 0, W, H, SKY) + (circle(*sun, 34, YELLOW) if sun else "")


def ground(y=290, fill=GROUND):
    return rect(0, y, W, H - y, fill)


def water(y=270):
    waves = "".join(
        path(f"M{x} {y + 30 + dy}q15 -8 30 0t30 0", stroke=WHITE, width=3)
        for x, dy in ((40, 0), (200, 22), (380, 8), (520, 30), (120, 45))
    )
    return rect(0, y, W, H - y, MID) + waves


def hills(y=290, fill=LIGHT):
    return path(f"M0 {y}L0 {y - 60}Q120 {y - 130} 240 {y - 70}T480 {y - 80}T640 {y - 90}L640 {y}Z", fill=fill)


def tree(x, y, s=1.0, fill=GREEN):
    return rect(x - 5 * s, y - 20 * s, 10 * s, 20 * s, DARK) + poly(
        [
            (x, y - 110 * s),
            (x - 32 * s, y - 45 * s),
            (x - 20 * s, y - 45 * s),
            (x - 40 * s, y - 18 * s),
            (x + 40 * s, y - 18 * s),
            (x + 20 * s, y - 45 * s),
            (x + 32 * s, y - 45 * s),
        ],
        fill,
    )


def cloud(x, y):
    return (
        circle(x, y, 18, WHITE)
        + circle(x + 22, y - 8, 24, WHITE)
        + circle(x + 48, y, 18, WHITE)
        + rect(x, y, 48, 18, WHITE)
    )


def aviation():
    hangar = path("M120 290V215Q235 140 350 215V290Z", fill=LIGHT) + rect(180, 235, 110, 55, DARK)
    plane = (
        path("M250 120L470 104Q500 104 500 114Q500 124 470 126L250 132Z", fill=BRAND)
        + poly([(360, 118), (320, 70), (345, 70), (410, 116)], DARK)
        + poly([(360, 126), (330, 168), (355, 168), (410, 124)], DARK)
        + poly([(262, 121), (240, 88), (258, 88), (290, 119)], BRAND)
        + "".join(circle(400 + i * 16, 114, 4, WHITE) for i in range(5))
    )
    return sky() + cloud(70, 70) + ground() + hangar + plane


def shipbuilding():
    crane = rect(80, 90, 14, 200, DARK) + rect(80, 90, 170, 12, DARK) + line(230, 102, 230, 160, DARK, 3)
    ship = (
        path("M150 250H560L520 300H190Z", fill=BRAND)
        + rect(330, 200, 120, 50, WHITE)
        + rect(360, 170, 60, 30, LIGHT)
        + rect(410, 150, 14, 20, DARK)
        + "".join(circle(350 + i * 26, 225, 6, BRAND) for i in range(4))
    )
    return sky() + water(280) + crane + ship


def engineering():
    teeth = "".join(
        f'<rect x="-16" y="-112" width="32" height="34" rx="4" fill="{BRAND}" transform="rotate({a})"/>'
        for a in range(0, 360, 45)
    )
    gear = f'<g transform="translate(260 190)">{teeth}{circle(0, 0, 86, BRAND)}{circle(0, 0, 34, SKY)}</g>'
    small = (
        '<g transform="translate(430 240)">'
        + "".join(
            f'<rect x="-10" y="-66" width="20" height="22" rx="3" fill="{DARK}" transform="rotate({a})"/>'
            for a in range(0, 360, 60)
        )
        + circle(0, 0, 50, DARK)
        + circle(0, 0, 18, SKY)
        + "</g>"
    )
    wrench = (
        '<g transform="rotate(-35 520 110)">'
        + rect(505, 60, 30, 150, YELLOW, 12)
        + circle(520, 60, 32, YELLOW)
        + rect(509, 26, 22, 36, SKY)
        + "</g>"
    )
    return sky(None) + ground(320) + gear + small + wrench


def metallurgy():
    furnace = rect(70, 120, 150, 170, DARK) + rect(105, 40, 40, 80, BRAND) + rect(170, 70, 30, 50, BRAND)
    ladle = '<g transform="rotate(25 330 150)">' + path("M270 110H390L375 200H285Z", fill=BRAND) + "</g>"
    pour = path("M380 175Q405 215 400 260", stroke=YELLOW, width=14)
    mould = rect(340, 260, 140, 30, GREY) + rect(355, 262, 110, 14, YELLOW)
    sparks = "".join(circle(x, y, 5, YELLOW) for x, y in ((430, 240), (445, 225), (420, 215), (455, 250)))
    return sky(None) + ground() + furnace + ladle + pour + mould + sparks


def refining():
    columns = rect(120, 80, 36, 210, BRAND) + rect(180, 120, 30, 170, DARK) + rect(230, 60, 26, 230, BRAND)
    pipes = rect(110, 200, 380, 10, GREY) + rect(110, 240, 380, 10, GREY)
    tanks = path("M320 290V210Q380 185 440 210V290Z", fill=LIGHT) + path("M460 290V225Q510 205 560 225V290Z", fill=MID)
    flare = rect(560, 70, 10, 220, DARK) + path("M565 70C545 45 560 20 565 10C575 30 590 45 565 70Z", fill=YELLOW)
    return sky((60, 70)) + ground() + pipes + columns + tanks + flare


def gold():
    mountains = poly([(0, 290), (150, 110), (300, 290)], LIGHT) + poly([(200, 290), (380, 80), (560, 290)], MID)
    bars = "".join(
        poly([(x, y), (x + 90, y), (x + 76, y - 30), (x + 14, y - 30)], YELLOW)
        + line(x + 20, y - 22, x + 60, y - 22, WHITE, 3)
        for x, y in ((390, 320), (485, 320), (437, 290))
    )
    pick = (
        '<g transform="rotate(-30 150 250)">'
        + rect(145, 180, 12, 130, DARK)
        + path("M90 190Q150 150 210 190L205 198Q150 170 95 198Z", fill=GREY)
        + "</g>"
    )
    return sky() + ground() + mountains + pick + bars


def coal():
    headframe = (
        path("M120 290L170 90L220 290", stroke=DARK, width=10)
        + line(140, 210, 200, 210, DARK, 8)
        + circle(170, 90, 24, BRAND)
        + circle(170, 90, 8, SKY)
    )
    rails = rect(260, 296, 340, 8, GREY)
    cart = path("M300 210H540L520 280H320Z", fill=BRAND) + circle(350, 290, 14, DARK) + circle(490, 290, 14, DARK)
    lumps = "".join(
        circle(x, y, r, "#2b2f33")
        for x, y, r in ((340, 205, 22), (380, 195, 26), (425, 200, 24), (470, 196, 26), (505, 207, 20))
    )
    return sky() + ground() + headframe + rails + lumps + cart


def nonferrous():
    terraces = "".join(
        rect(40 + i * 30, 180 + i * 30, 560 - i * 60, 30, c) for i, c in enumerate((LIGHT, MID, BRAND, DARK))
    )
    truck = (
        path("M360 150H500L520 120H380Z", fill=YELLOW)
        + rect(360, 150, 160, 40, YELLOW)
        + rect(520, 150, 50, 40, BRAND)
        + rect(530, 158, 25, 16, SKY)
        + circle(390, 195, 16, "#2b2f33")
        + circle(540, 195, 16, "#2b2f33")
    )
    return sky((90, 80)) + terraces + truck


def timber():
    forest = "".join(
        tree(x, 290, s, GREEN if i % 2 else GREEN_DARK)
        for i, (x, s) in enumerate(((70, 1.3), (150, 1.6), (230, 1.2), (300, 1.5)))
    )
    logs = "".join(
        circle(x, y, 26, "#b7834a") + circle(x, y, 16, "#e2b57a") + circle(x, y, 5, "#b7834a")
        for x, y in (
            (400, 300),
            (454, 300),
            (508, 300),
            (562, 300),
            (427, 255),
            (481, 255),
            (535, 255),
            (454, 210),
            (508, 210),
        )
    )
    return sky() + hills() + ground() + forest + logs


def fishing():
    boat = path("M150 200H450L410 250H190Z", fill=BRAND) + rect(260, 150, 80, 50, WHITE) + rect(350, 90, 6, 110, DARK)
    net = path("M356 95L480 250", stroke=DARK, width=2)
    fish = "".join(
        f'<g transform="translate({x} {y})">'
        + path("M0 0Q30 -22 60 0Q30 22 0 0Z", fill=YELLOW)
        + poly([(58, 0), (78, -14), (78, 14)], YELLOW)
        + circle(14, -3, 3, DARK)
        + "</g>"
        for x, y in ((120, 310), (300, 325), (470, 300))
    )
    return sky() + water(250) + boat + net + fish


def transport():
    rails = rect(0, 300, W, 8, GREY) + "".join(rect(x, 308, 14, 10, DARK) for x in range(10, W, 40))
    locomotive = (
        path("M60 220H220V295H40V250Z", fill=BRAND)
        + rect(140, 180, 70, 40, BRAND)
        + rect(155, 190, 40, 22, SKY)
        + rect(40, 255, 20, 14, YELLOW)
    )
    wagons = "".join(rect(x, 215, 170, 80, c) + rect(x + 10, 225, 150, 8, WHITE) for x, c in ((240, DARK), (425, MID)))
    wheels = "".join(circle(x, 298, 12, "#2b2f33") for x in (80, 120, 190, 270, 380, 455, 565))
    return sky() + hills(300) + rails + locomotive + wagons + wheels


def power():
    plant = rect(60, 190, 160, 100, BRAND) + rect(90, 80, 34, 110, DARK) + rect(150, 110, 30, 80, DARK)
    steam = circle(107, 60, 18, WHITE) + circle(125, 45, 22, WHITE) + circle(165, 90, 14, WHITE)
    pylon = path("M420 290L470 60L520 290M440 200H500M430 240H510M455 120H485M400 110H540", stroke=DARK, width=8)
    wires = path("M400 110Q300 150 220 150M540 110Q600 140 640 140", stroke=DARK, width=3)
    bolt = poly([(330, 160), (300, 230), (325, 230), (310, 290), (360, 205), (332, 205), (350, 160)], YELLOW)
    return sky(None) + ground() + plant + steam + pylon + wires + bolt


def construction():
    crane = (
        path("M420 290V60", stroke=DARK, width=14)
        + path("M300 60H600", stroke=YELLOW, width=14)
        + rect(560, 66, 40, 30, DARK)
        + line(340, 67, 340, 160, DARK, 3)
        + rect(320, 160, 40, 24, BRAND)
        + path("M420 30L300 60M420 30L600 60", stroke=DARK, width=3)
    )
    frame = "".join(rect(80, y, 200, 12, BRAND) for y in (130, 180, 230)) + "".join(
        rect(x, 130, 12, 160, BRAND) for x in (80, 174, 268)
    )
    glass = rect(92, 242, 82, 48, LIGHT) + rect(186, 192, 82, 38, LIGHT)
    return sky((580, 190)) + ground() + frame + glass + crane


def agriculture():
    field = path("M0 230H640V360H0Z", fill="#e8d58a") + "".join(
        path(f"M{x} 360L{320 + (x - 320) // 4} 230", stroke="#c9a94a", width=4) for x in range(-200, 900, 90)
    )
    tractor = (
        rect(260, 170, 150, 60, GREEN)
        + rect(340, 120, 70, 55, GREEN)
        + rect(352, 130, 46, 36, SKY)
        + rect(280, 140, 10, 30, DARK)
        + circle(380, 240, 42, "#2b2f33")
        + circle(380, 240, 16, GREY)
        + circle(280, 250, 26, "#2b2f33")
        + circle(280, 250, 10, GREY)
    )
    return sky() + hills(230) + field + tractor


def health():
    building = rect(170, 120, 300, 170, WHITE) + rect(170, 110, 300, 16, BRAND)
    windows = "".join(rect(x, y, 40, 30, LIGHT) for x in (190, 250, 390) for y in (150, 210)) + rect(
        300, 220, 40, 70, BRAND
    )
    cross = circle(320, 80, 48, WHITE) + rect(304, 44, 32, 72, "#c8313d") + rect(284, 64, 72, 32, "#c8313d")
    return (
        sky((560, 70)) + ground() + building + windows + cross + tree(110, 290, 0.9) + tree(540, 290, 1.0, GREEN_DARK)
    )


def pharma():
    capsule = (
        '<g transform="rotate(-35 220 190)">'
        + rect(150, 160, 80, 60, BRAND, 30)
        + rect(200, 160, 80, 60, YELLOW, 30)
        + rect(200, 160, 30, 60, YELLOW)
        + rect(190, 160, 20, 60, BRAND)
        + "</g>"
    )
    flask = (
        path("M400 90H450V160L510 280Q515 300 495 300H355Q335 300 340 280L400 160Z", fill=WHITE)
        + path("M372 230H478L505 285Q505 292 495 292H355Q345 292 347 285Z", fill=MID)
        + rect(392, 80, 66, 14, DARK, 4)
    )
    bubbles = circle(420, 260, 8, WHITE) + circle(450, 245, 5, WHITE)
    return sky(None) + ground(310) + capsule + flask + bubbles + rect(120, 300, 420, 10, GREY)


def education():
    school = (
        rect(330, 140, 250, 150, BRAND)
        + poly([(320, 145), (455, 70), (590, 145)], DARK)
        + "".join(rect(x, 175, 34, 34, LIGHT) for x in (350, 410, 500))
        + rect(440, 225, 32, 65, YELLOW)
    )
    book = (
        path("M80 250Q160 220 230 250V330Q160 300 80 330Z", fill=WHITE)
        + path("M230 250Q300 220 380 250V330Q300 300 230 330Z", fill=WHITE)
        + line(230, 250, 230, 330, GREY, 3)
    )
    lines = "".join(line(100, y, 210, y - 10, LIGHT, 4) + line(250, y - 10, 360, y, LIGHT, 4) for y in (270, 290, 310))
    return sky((120, 80)) + ground() + school + book + lines


def it():
    laptop = (
        rect(180, 80, 280, 180, DARK, 12)
        + rect(196, 96, 248, 148, BRAND)
        + path("M140 260H500L520 290H120Z", fill=GREY)
    )
    code = path("M270 140L240 170L270 200M370 140L400 170L370 200", stroke=YELLOW, width=10) + path(
        "M335 130L305 210", stroke=WHITE, width=10
    )
    return sky(None) + ground(300) + laptop + code + circle(560, 90, 20, LIGHT) + circle(80, 120, 14, LIGHT)


def tourism():
    mountains = (
        poly([(0, 290), (170, 90), (340, 290)], MID)
        + poly([(140, 120), (170, 90), (200, 120), (170, 130)], WHITE)
        + poly([(240, 290), (430, 60), (620, 290)], BRAND)
        + poly([(395, 103), (430, 60), (465, 103), (430, 115)], WHITE)
    )
    tent = poly([(420, 320), (500, 220), (580, 320)], YELLOW) + poly([(485, 320), (500, 260), (515, 320)], DARK)
    river = path("M0 330Q150 300 300 330T640 320V360H0Z", fill=LIGHT)
    return sky() + ground() + mountains + river + tent + tree(90, 310, 0.7, GREEN_DARK)


def retail():
    shop = rect(120, 130, 400, 160, WHITE) + "".join(
        path(f"M{120 + i * 50} 100h50v40q-25 20 -50 0Z", fill=BRAND if i % 2 else YELLOW) for i in range(8)
    )
    window = rect(145, 165, 200, 100, LIGHT) + rect(380, 165, 110, 125, BRAND) + circle(470, 230, 5, YELLOW)
    bag = path("M200 260H280L290 330H190Z", fill=YELLOW) + path("M215 262Q240 220 265 262", stroke=DARK, width=5)
    return sky(None) + ground() + shop + window + bag


def utilities():
    house = (
        rect(140, 150, 220, 140, WHITE)
        + poly([(125, 155), (250, 70), (375, 155)], BRAND)
        + rect(170, 180, 50, 40, LIGHT)
        + rect(280, 210, 45, 80, DARK)
    )
    pipe = path("M360 250H470V120", stroke=GREY, width=16, cap="butt") + rect(455, 100, 30, 20, GREY)
    drop = path("M520 170Q560 220 560 250A40 40 0 0 1 480 250Q480 220 520 170Z", fill=MID)
    radiator = "".join(rect(150 + i * 18, 240, 12, 40, YELLOW, 4) for i in range(6))
    return sky() + ground() + house + radiator + pipe + drop


def home():
    hills_back = path("M0 230Q120 150 260 200T520 170T640 190V300H0Z", fill=LIGHT)
    city = "".join(
        rect(x, y, w, 300 - y, c)
        for x, y, w, c in (
            (60, 190, 40, MID),
            (105, 160, 34, BRAND),
            (145, 200, 50, MID),
            (420, 180, 36, BRAND),
            (462, 150, 28, DARK),
            (496, 200, 44, MID),
        )
    )
    school = (
        rect(250, 215, 110, 85, WHITE)
        + poly([(243, 218), (305, 182), (367, 218)], DARK)
        + rect(292, 255, 26, 45, YELLOW)
    )
    river = rect(0, 300, W, 60, BRAND) + path(
        "M40 330c20 -10 40 -10 60 0s40 10 60 0M300 340c20 -10 40 -10 60 0s40 10 60 0M520 325c20 -10 40 -10 60 0",
        stroke=WHITE,
        width=4,
    )
    bridge = path("M380 300Q470 250 560 300", stroke=DARK, width=6) + "".join(
        line(x, 300, x, 300 - (60 - abs(x - 470) * 0.6), DARK, 3) for x in range(400, 560, 20)
    )
    arrow = path("M70 120L160 70L210 110L300 40", stroke=YELLOW, width=12) + path(
        "M255 36H304V85", stroke=YELLOW, width=12
    )
    return sky((560, 70)) + hills_back + city + school + bridge + river + arrow + tree(600, 300, 0.7)


# The sector's name in media_seed/atlas/data/sectors.csv, the file, the scene and its text alternative.
SCENES = [
    ("Авиастроение", "aviation", aviation, "Рисунок: самолёт над заводским ангаром"),
    ("Судостроение и судоремонт", "shipbuilding", shipbuilding, "Рисунок: корабль на воде у портального крана"),
    ("Машиностроение и металлообработка", "engineering", engineering, "Рисунок: две шестерни и гаечный ключ"),
    ("Металлургия", "metallurgy", metallurgy, "Рисунок: ковш разливает жидкий металл в форму у печи"),
    ("Нефтепереработка", "refining", refining, "Рисунок: колонны, резервуары и факел нефтеперерабатывающего завода"),
    ("Добыча драгоценных металлов", "gold", gold, "Рисунок: золотые слитки и кирка на фоне гор"),
    ("Добыча угля", "coal", coal, "Рисунок: вагонетка с углём у шахтного копра"),
    ("Добыча цветных металлов", "nonferrous", nonferrous, "Рисунок: уступы карьера и самосвал"),
    ("Лесопромышленный комплекс", "timber", timber, "Рисунок: ели и штабель брёвен"),
    ("Рыбопромышленный комплекс и аквакультура", "fishing", fishing, "Рисунок: рыболовное судно на волнах и рыбы"),
    ("Транспорт и логистика", "transport", transport, "Рисунок: локомотив с вагонами на рельсах"),
    ("Электроэнергетика", "power", power, "Рисунок: электростанция, опора линии электропередачи и молния"),
    ("Строительство", "construction", construction, "Рисунок: башенный кран над каркасом строящегося дома"),
    ("Сельское хозяйство", "agriculture", agriculture, "Рисунок: трактор в поле"),
    ("Здравоохранение", "health", health, "Рисунок: больница с красным крестом"),
    ("Фармацевтическая промышленность", "pharma", pharma, "Рисунок: капсула лекарства и лабораторная колба"),
    ("Образование", "education", education, "Рисунок: открытая книга и здание школы"),
    ("Информационные технологии", "it", it, "Рисунок: ноутбук с фигурными скобками кода на экране"),
    ("Туризм", "tourism", tourism, "Рисунок: палатка у реки под снежными горами"),
    ("Торговля и сфера услуг", "retail", retail, "Рисунок: магазин с полосатым навесом и сумка для покупок"),
    ("Жилищно-коммунальное хозяйство", "utilities", utilities, "Рисунок: дом, батарея отопления, труба и капля воды"),
]
HOME = ("home", home, "Рисунок: город и школа на берегу Амура, мост и стрелка, идущая вверх")


def svg(body):
    return f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" viewBox="0 0 {W} {H}">{body}</svg>\n'


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    meta = []
    for sector, name, scene, alt in SCENES:
        (OUT / f"{name}.svg").write_text(svg(scene()), encoding="utf-8")
        meta.append(
            {
                "sector": sector,
                "title": f"Иллюстрация: {sector.lower()}",
                "file": f"{name}.svg",
                "description": alt,
                "credit": CREDIT,
            }
        )
    name, scene, alt = HOME
    (OUT / f"{name}.svg").write_text(svg(scene()), encoding="utf-8")
    meta.append(
        {
            "home": True,
            "title": "Иллюстрация: главная страница",
            "file": f"{name}.svg",
            "description": alt,
            "credit": CREDIT,
        }
    )
    (OUT / "illustrations.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
