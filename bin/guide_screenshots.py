"""Screenshots of the admin for the editors' guide (home/templates/home/guide/), into home/static/home/guide/.

Needs the seeded site running and a user who may use the admin, e.g.:

    export DATABASE_URL=sqlite:////tmp/guide/db.sqlite3 MEDIA_ROOT=/tmp/guide/media
    .venv/bin/python manage.py migrate && .venv/bin/python manage.py load_seed
    .venv/bin/python manage.py createsuperuser
    DEBUG=false .venv/bin/python manage.py runserver 127.0.0.1:8077 --insecure --noreload &
    GUIDE_PASSWORD=… .venv/bin/python bin/guide_screenshots.py --username admin

It reads the same database as the server (DATABASE_URL) to find the pages to show, signs in with Playwright in
Debian's Chromium at 1280 × 800, and writes each screen as a PNG 1000 px wide, reduced to 256 colours (an admin
screen has few), so that all of them stay well under 1.5 MB. The guide's alternative texts describe what these
screens show: change them together."""

import argparse
import io
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "home" / "static" / "home" / "guide"
VIEWPORT = {"width": 1280, "height": 800}
WIDTH = 1000


def django_urls():
    """The admin addresses of the screens, found in the database the server reads."""
    sys.path[:0] = [str(ROOT), str(ROOT / "site")]
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
    import django

    django.setup()
    from django.urls import reverse
    from wagtail.models import Site

    from atlas.models import ProfessionPage
    from home.models import HomePage
    from portal import locales

    card = ProfessionPage.objects.live().filter(locale=locales.default_locale()).order_by("path").first()
    home = HomePage.objects.filter(locale=locales.default_locale()).first()
    site = Site.objects.get(is_default_site=True)
    return {
        "dashboard": reverse("wagtailadmin_home"),
        "card-editor": reverse("wagtailadmin_pages:edit", args=[card.pk]),
        "actions": reverse("wagtailadmin_pages:edit", args=[card.pk]),
        "import": reverse("atlas_import"),
        "settings": reverse("wagtailsettings:edit", args=["portal", "portalsettings", site.pk]),
        "audiences": reverse("wagtailadmin_pages:edit", args=[home.pk]),
    }


def save(png, path):
    from PIL import Image

    image = Image.open(io.BytesIO(png)).convert("RGB")
    image = image.resize((WIDTH, round(image.height * WIDTH / image.width)), Image.LANCZOS)
    image.quantize(colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE).save(path, optimize=True)
    return path.stat().st_size


def prepare(page, name):
    """What a screen needs before it is taken: an open menu, a field scrolled into view."""
    if name == "actions":
        toggle = page.locator("footer [data-w-dropdown-target='toggle'], footer .w-dropdown__toggle").first
        toggle.click()
        page.wait_for_timeout(400)
    elif name == "audiences":
        # Its panel at the top, below the sticky header; «inline: nearest» keeps the editor from shifting sideways.
        page.locator("[data-contentpath='audiences']").first.evaluate(
            """field => {
                const panel = field.closest("section") || field;
                panel.scrollIntoView({block: "start", inline: "nearest"});
                const scroller = document.scrollingElement;
                scroller.scrollBy(0, -70);
            }"""
        )
    page.evaluate("Promise.allSettled(document.getAnimations().map(animation => animation.finished))")
    page.wait_for_timeout(300)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base-url", default="http://127.0.0.1:8077")
    parser.add_argument("--username", required=True)
    parser.add_argument("--password", default=os.environ.get("GUIDE_PASSWORD"), help="or GUIDE_PASSWORD")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    if not args.password:
        parser.error("give --password or GUIDE_PASSWORD")
    urls = django_urls()
    from playwright.sync_api import sync_playwright

    args.out.mkdir(parents=True, exist_ok=True)
    total = 0
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        context = browser.new_context(viewport=VIEWPORT, locale="ru-RU", device_scale_factor=1)
        page = context.new_page()
        page.goto(args.base_url + "/admin/login/")
        page.fill("#id_username", args.username)
        page.fill("#id_password", args.password)
        with page.expect_navigation():
            page.click("button[type=submit]")
        for name, url in urls.items():
            page.goto(args.base_url + url)
            page.wait_for_load_state("networkidle")
            prepare(page, name)
            size = save(page.screenshot(), args.out / f"{name}.png")
            total += size
            print(f"{name}.png: {size // 1024} KB")
        browser.close()
    print(f"{total // 1024} KB in all")


if __name__ == "__main__":
    main()
