"""Every public page type, rendered in Debian's Chromium: axe-core finds no violation, the keyboard
reaches the content, and nothing scrolls sideways at 320 px (400 % zoom)."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.conf import settings

from atlas.models import EducationalOrganization, Employer
from home.models import CollectionPage, ContentPage, EventPage, NewsPage
from methodics.models import BestPracticePage, LessonPage, MethodicalKitPage

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
SCHEMES = ["bw", "wb", "blue", "brown", "green"]
# The axe rules that read colours. The schemes of the version for the visually impaired differ from one another in
# colours alone (the same markup, text size and spacing: a class on <html> picks the palette), so every rule runs in
# the standard version and the first scheme, and only these in the other four: a third of the time of a full run.
COLOUR_RULES = ["color-contrast", "link-in-text-block"]
AXE = Axe()
SCREENSHOTS = settings.BASE_DIR / "var" / "screenshots"  # review artifacts of every run
SCREENSHOT_PAGES = {
    "home": "/",
    "atlas": "/atlas/",
    "card": "/atlas/aviatekhnik/",
    "equal-opportunities": "/navigator/ravnye-vozmozhnosti/?category=hearing",
    "lesson": "/metodiki/profivokh-professionalnoe-samoopredelenie/khochu-mogu-nado/",
}

# Each test runs in a transaction of its own, on top of the seeded site (tests/conftest.py: site_server).
pytestmark = [pytest.mark.browser, pytest.mark.django_db]


@pytest.fixture(scope="module")
def urls(site_server, django_db_blocker):
    with django_db_blocker.unblock():
        return site_urls()


def site_urls():
    """One address of every public page type (by name), and the variants with filters and bad input."""
    ru = {"locale__language_code": "ru"}
    employer = Employer.objects.filter(professions__isnull=False).first()
    career, career_more = career_addresses()
    organisation = EducationalOrganization.objects.filter(professions__isnull=False).first()
    types = {
        "home": "/",
        "section": "/o-proekte/",
        "content": ContentPage.objects.get(slug="pasport-proekta", **ru).url,
        "event index": "/events/",
        "event": EventPage.objects.filter(**ru).first().url,
        "news index": "/news/",
        "news item": NewsPage.objects.filter(**ru).first().url,
        "collection": CollectionPage.objects.filter(**ru).first().url,
        "atlas with filters": "/atlas/?sector=aviastroenie&level=spo",
        "profession card": "/atlas/aviatekhnik/",
        "sector": "/atlas/otrasli/aviastroenie/",
        "employer": f"/atlas/rabotodateli/{employer.slug}/",
        "organisation": f"/atlas/uchebnye-zavedeniia/{organisation.slug}/",
        "navigator": "/navigator/",
        "edition": "/navigator/profnavigator-2026/",
        "equal opportunities": "/navigator/ravnye-vozmozhnosti/?category=hearing",
        "handbook": "/navigator/spravochnik-postupaiushchego/",
        "methodics with filters": "/metodiki/?audience=8-9&profile=general",
        "kit": MethodicalKitPage.objects.filter(kind="complex", locale__language_code="ru").first().url,
        "game module": MethodicalKitPage.objects.get(kind="game", locale__language_code="ru").url,
        "lesson": LessonPage.objects.first().url,
        "best practices": "/metodiki/luchshie-praktiki/",
        "best practice": BestPracticePage.objects.first().url,
        "sign in": "/_util/login/?next=/metodiki/",
        "monitoring": "/monitoring/",
        "monitoring report": "/monitoring/otchet-2023/",
        "indicator": "/monitoring/pokazatel/1/",
        "district monitoring": "/monitoring/raion/amurskii-munitsipalnyi-raion/",
        "report search": "/monitoring/poisk/?year=2022",
        "search results": "/search/?q=профориентации",
        "accessibility statement": "/accessibility/",
        "site map": "/sitemap/",
        **career,
        "404": "/no-such-page/",
    }
    variants = [
        "/en/",
        "/en/about/project-passport/",
        "/events/?year=2022&audience=teachers",
        "/search/?q=нетсовпадений",
        "/search/?q=колледж",  # an editors' pick above the results
        "/search/?q=сварщик&kind=profession&sector=net-takoi",  # a chosen facet and a value not understood
        "/en/search/?q=project",
        "/en/no-such-page/",
        "/en/sitemap/",
        "/o-proekte/dostupnaia-sreda/",
        "/atlas/",
        "/atlas/?sector=aviastroenie&level=spo&salary_from=-1",
        "/atlas/raiony/amurskii-munitsipalnyi-raion/",
        "/navigator/profnavigator-2026/?compare=2025",
        "/navigator/profnavigator-2026/pdf/",  # the booklet «being prepared» page (the worker has not built it)
        "/navigator/ravnye-vozmozhnosti/",
        "/navigator/ravnye-vozmozhnosti/?category=nonsense",
        "/navigator/spravochnik-postupaiushchego/?level=vo&district=bad",
        "/metodiki/",
        "/metodiki/?audience=13&format=game&adapted=unknown",
        MethodicalKitPage.objects.filter(kind="complex").first().url + "cards/",  # «nothing to download»
        "/en/_util/login/",
        # An English lesson: its Russian handouts' titles marked lang="ru".
        "/en/teaching-resources/profivokh-choosing-a-career-path/i-want-i-can-it-is-needed-where-choosing-a-career-begins/",
        "/monitoring/pokazatel/42/",
        "/monitoring/poisk/?q=итоги&district=nowhere&year=1999",
        "/konstruktor-karery/oprosnik/?version=plain&layout=page&go=finish&q1=a&q2=b",  # unanswered questions listed
        "/konstruktor-karery/oprosnik/?version=plain&layout=steps&code=NOSUCH",  # the start form with its error
        "/konstruktor-karery/o-sebe/?version=plain&answers=" + "a" * 12,  # a damaged address
        "/konstruktor-karery/rezultat/?t=broken",
        "/en/career-builder/",
        "/en/career-builder/oprosnik/?version=plain&layout=steps",
        *career_more,
    ]
    return {"types": types, "all": [*types.values(), *variants]}


def career_addresses():
    """The career builder's pages, with a diagnosis, a comparison, a route and a class session to show: the
    main types (checked in every scheme too) and the rest (the keyboard test checks them in white on black).
    The class picture answers a POST only: ``test_the_teachers_private_link_opens_the_class_picture``."""
    from atlas.models import ProfessionPage
    from career.models import ClassResult, ClassSession
    from career.state import Diagnosis

    professions = list(ProfessionPage.objects.live().filter(locale__language_code="ru").order_by("pk")[:3])
    diagnosis = Diagnosis(
        answers="ab" * 10,
        grade=9,
        subjects=("math",),
        district="amurskii-munitsipalnyi-raion",
        compared=tuple(p.pk for p in professions),
        chosen=professions[0].pk,
    )
    session = ClassSession.create()
    ClassResult.objects.create(
        session=session,
        grade_band="8-9",
        suggested=[professions[1].pk],
        route_profession=professions[0],
        **diagnosis.profile.scores,
    )
    base = "/konstruktor-karery/"
    types = {
        "career builder": base,
        "question (easy-read)": base + "oprosnik/?version=easy&layout=steps&answers=" + "a" * 5 + "-" * 15 + "&n=6",
        "questionnaire on one page": base + "oprosnik/?version=plain&layout=page",
        "career results": base + "rezultat/?t=" + diagnosis.token(),
        "class picture, opened from the teacher's link": f"{base}klass/otkryt/",
    }
    more = [
        base + "o-sebe/?version=plain&answers=" + "b" * 20,
        base + "sravnenie/?t=" + diagnosis.token(),
        base + "marshrut/?t=" + diagnosis.token(),
        base + "klass/",
    ]
    return types, more


def test_the_teachers_private_link_opens_the_class_picture(page, site_server, urls):
    """A class session created from its page leads to the private link (the key after «#»), whose script
    posts the key: the picture opens at the link, can be bookmarked, downloads its data, and no request the
    browser makes carries the key; axe checks the picture in every colour scheme."""
    from career.models import ClassResult, ClassSession
    from portal.accessibility import COOKIE, Settings

    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(site_server.url + "/konstruktor-karery/klass/")
    with page.expect_navigation():
        page.click("text=Создать код класса")
    page.wait_for_selector("h1:has-text('Занятие с классом')")
    session = ClassSession.objects.order_by("-pk").first()
    link = f"{site_server.url}/konstruktor-karery/klass/otkryt/#{session.code}.{session.teacher_key}"
    assert page.url == link  # the picture stays at the private link: a bookmark of it opens it again
    assert page.input_value("#teacher-link").endswith(link.split(site_server.url, 1)[1])
    ClassResult.objects.create(session=session, grade_band="8-9", nature=8, technique=2, human=4, sign=3, art=3)

    problems = []
    for scheme in [None, *SCHEMES]:
        if scheme:
            mode = Settings().change("scheme", scheme).change("size", "4").change("spacing", "large")
            page.context.add_cookies([{"name": COOKIE, "value": mode.to_cookie(), "url": site_server.url}])
        page.goto("about:blank")
        page.goto(link, wait_until="commit")  # its script posts the form at once: wait for the picture
        page.wait_for_selector("h1:has-text('Занятие с классом')")
        violations = axe_violations(page)
        if violations:
            problems.append(format_violations(f"class picture [{scheme}]", violations))
    assert not problems, "\n".join(problems)
    with page.expect_download() as download:
        page.click("button[value=csv]")
    assert download.value.suggested_filename == f"klass-{session.code}.csv"
    assert requested and not [url for url in requested if session.teacher_key in url.split("#")[0]]


def axe_violations(page):
    """What axe finds on the page as it is shown: every rule of AXE_TAGS, or the colour rules alone in a scheme after
    the first (read from the page's own class). Only the violations come back: axe's passes, several times larger, are
    not sent over."""
    scheme = page.evaluate("(document.documentElement.className.match(/a11y-scheme-([a-z]+)/) || [])[1] || null")
    if scheme and scheme != SCHEMES[0]:
        rules = {"type": "rule", "values": COLOUR_RULES}
    else:
        rules = {"type": "tag", "values": AXE_TAGS}
    return AXE.run(page, options={"runOnly": rules, "resultTypes": ["violations"]}).response["violations"]


def format_violations(url, violations):
    lines = [f"{url}:"]
    for violation in violations:
        targets = ", ".join(str(node["target"]) for node in violation["nodes"][:3])
        lines.append(f"  {violation['id']} ({violation['impact']}): {violation['help']} — {targets}")
    return "\n".join(lines)


def axe_problems(page, base, addresses, label="", screenshots_suffix=None):
    problems = []
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for url in addresses:
        page.goto(base + url)
        violations = axe_violations(page)
        if violations:
            problems.append(format_violations(f"{url}{label}", violations))
        if page.locator("h1").count() != 1:
            problems.append(f"{url}{label}: {page.locator('h1').count()} h1 elements instead of one")
        for name, shot_url in SCREENSHOT_PAGES.items():
            if screenshots_suffix and url == shot_url:
                page.screenshot(path=str(SCREENSHOTS / f"{name}-{screenshots_suffix}.png"))
    return problems


def test_axe_finds_nothing_on_any_public_page(page, site_server, urls):
    problems = axe_problems(
        page, site_server.url, [*urls["all"], *SCREENSHOT_PAGES.values()], screenshots_suffix="standard"
    )
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("scheme", SCHEMES)
def test_axe_finds_nothing_in_each_colour_scheme(page, site_server, urls, scheme):
    """Every page type in each scheme of the version for the visually impaired, at the largest size."""
    from portal.accessibility import COOKIE, Settings

    mode = Settings().change("scheme", scheme).change("size", "4").change("spacing", "large")
    page.context.add_cookies([{"name": COOKIE, "value": mode.to_cookie(), "url": site_server.url}])
    page.goto(site_server.url + "/")
    assert f"a11y-scheme-{scheme}" in page.evaluate("document.documentElement.className")
    addresses = [*urls["types"].values(), *(u for u in SCREENSHOT_PAGES.values() if u not in urls["types"].values())]
    problems = axe_problems(page, site_server.url, addresses, label=f" [{scheme}]", screenshots_suffix=scheme)
    assert not problems, "\n".join(problems)


def test_keyboard_switches_the_visually_impaired_version_on_and_off(page, site_server, urls):
    page.goto(site_server.url + "/atlas/")
    page.keyboard.press("Tab")  # the skip link
    page.keyboard.press("Tab")  # the switch
    assert page.evaluate("document.activeElement.textContent.trim()") == "Версия для слабовидящих"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "a11y" in page.evaluate("document.documentElement.className")
    assert page.url.endswith("/atlas/")  # back on the same page
    page.focus("button[name=scheme][value=wb]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "a11y-scheme-wb" in page.evaluate("document.documentElement.className")
    assert page.get_attribute("button[name=scheme][value=wb]", "aria-pressed") == "true"
    page.focus("button[name=enabled][value='0']")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "a11y" not in page.evaluate("document.documentElement.className")


def tab_to(page, text, limit=300):
    """Press Tab until the focused element's text contains ``text`` (a real keyboard journey)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if text in page.evaluate("document.activeElement.textContent || ''"):
            return
    raise AssertionError(f"«{text}» cannot be reached with Tab")


def open_the_menu(page):
    """Tab to the header's «Меню» button and open it with Enter: the sections are behind it."""
    tab_to(page, "Меню")
    assert page.evaluate("document.activeElement.tagName") == "SUMMARY"
    page.keyboard.press("Enter")


def test_keyboard_journey_to_a_card_pdf_through_the_equal_opportunities_navigator(page, site_server, urls):
    page.goto(site_server.url + "/")
    open_the_menu(page)
    tab_to(page, "Профнавигатор")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    tab_to(page, "Профнавигатор равных возможностей")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    tab_to(page, "Выберите категорию")  # the select: its first option's text
    page.keyboard.press("ArrowDown")  # choose «Слабовидение» from the keyboard
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    tab_to(page, "Показать профессии")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "category=" in page.url and "category=&" not in page.url
    first = page.inner_text(".eo-list .card__title a")
    tab_to(page, first)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.inner_text("h1") == first
    tab_to(page, "Скачать карточку в PDF")
    assert_built_on_request(page, site_server.url + page.evaluate("document.activeElement.getAttribute('href')"))


def test_keyboard_journey_to_a_lesson_plan_through_the_lesson_finder(page, site_server, urls):
    page.goto(site_server.url + "/")
    open_the_menu(page)
    tab_to(page, "Методическая копилка")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.focus("#id_audience")
    page.keyboard.press("ArrowDown")  # «Дошкольники»
    page.keyboard.press("ArrowDown")  # «1–4 классы»
    page.keyboard.press("ArrowDown")  # «5–7 классы»
    tab_to(page, "Показать")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "audience=5-7" in page.url
    first = page.inner_text("main .cards .card__title a >> nth=-1")
    tab_to(page, first)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.inner_text("h1") == first
    tab_to(page, "Скачать план занятия (PDF)")
    assert_built_on_request(page, site_server.url + page.evaluate("document.activeElement.getAttribute('href')"))


def assert_built_on_request(page, url):
    """The file is «being prepared» until the worker has built it, then served."""
    from portal.tests.helpers import run_worker

    waiting = page.request.get(url)
    assert waiting.status == 202 and "Файл готовится" in waiting.text()
    run_worker()
    response = page.request.get(url)
    assert response.status == 200 and response.headers["content-type"] == "application/pdf"


def test_keyboard_reaches_main_content_through_the_skip_link(page, site_server, urls):
    page.goto(site_server.url + "/events/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Перейти к основному содержанию"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    # The filter form works with the keyboard alone and without JavaScript.
    page.focus("#filter-audience")
    page.select_option("#filter-audience", "teachers")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_url("**/events/?*audience=teachers*")
    assert "Для кого" in page.inner_text("main")


@pytest.mark.parametrize("largest", [False, True], ids=["standard size", "largest size"])
def test_no_horizontal_scroll_at_320_px(page, site_server, urls, largest):
    """At 320 px (400 % zoom), at the standard text size and at the largest with large spacing in the version for
    the visually impaired: nothing scrolls sideways."""
    if largest:
        from portal.accessibility import COOKIE, Settings

        mode = Settings().change("scheme", "bw").change("size", "4").change("spacing", "large")
        page.context.add_cookies([{"name": COOKIE, "value": mode.to_cookie(), "url": site_server.url}])
    page.set_viewport_size({"width": 320, "height": 640})
    for url in urls["all"]:
        page.goto(site_server.url + url)
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{url} scrolls sideways by {overflow}px at 320px"


# Pages with the widest content: forms in grids, tables, charts, long words in headings, the panel's labels.
REFLOW_SAMPLE = [
    "home",
    "atlas with filters",
    "profession card",
    "monitoring report",
    "report search",
    "search results",
    "methodics with filters",
    "lesson",
    "sign in",
    "404",
]


def test_every_size_spacing_and_font_of_the_visually_impaired_version_reflows_at_320_px(page, site_server, urls):
    """Each text size with each letter spacing (and the serif font at the largest), with the settings panel unfolded:
    nothing scrolls sideways at 320 px on the widest pages. (The colour schemes change no sizes.)"""
    from portal.accessibility import COOKIE, OPTIONS, Settings

    page.set_viewport_size({"width": 320, "height": 640})
    modes = [(size, spacing, "sans") for size, _ in OPTIONS["size"] for spacing, _ in OPTIONS["spacing"]]
    modes.append((OPTIONS["size"][-1][0], OPTIONS["spacing"][-1][0], "serif"))
    overflowing = []
    for size, spacing, font in modes:
        mode = Settings().change("scheme", "bw").change("size", size).change("spacing", spacing).change("font", font)
        page.context.add_cookies([{"name": COOKIE, "value": mode.to_cookie(), "url": site_server.url}])
        for name in REFLOW_SAMPLE:
            page.goto(site_server.url + urls["types"][name])
            overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
            if overflow > 0:
                overflowing.append((name, size, spacing, font, overflow))
    assert overflowing == []


@pytest.mark.parametrize("scheme", [None, "wb"])
def test_search_suggestions_work_with_the_keyboard_and_pass_axe(page, site_server, urls, scheme):
    """The ARIA combobox of the search page: open with typing, arrows move the active option while focus stays
    in the box, Escape closes, Enter opens the profession; axe checks the page with the list open."""
    if scheme:
        from portal.accessibility import COOKIE, Settings

        mode = Settings().change("scheme", scheme).change("size", "4")
        page.context.add_cookies([{"name": COOKIE, "value": mode.to_cookie(), "url": site_server.url}])
    page.goto(site_server.url + "/search/")
    page.focus("#search-page-q")
    page.keyboard.type("свар")
    page.wait_for_selector("#search-page-q-suggestions [role=option]")
    assert page.get_attribute("#search-page-q", "aria-expanded") == "true"
    assert "Сварщик" in page.inner_text("#search-page-q-suggestions")
    assert "Подсказок:" in page.inner_text("#search-page-q-suggestions + [aria-live]")
    violations = axe_violations(page)
    assert not violations, format_violations(f"/search/ with suggestions [{scheme}]", violations)

    page.keyboard.press("ArrowDown")
    active = page.get_attribute("#search-page-q", "aria-activedescendant")
    assert page.get_attribute(f"#{active}", "aria-selected") == "true"
    assert page.evaluate("document.activeElement.id") == "search-page-q"  # focus stays in the box
    page.keyboard.press("Escape")
    assert page.get_attribute("#search-page-q", "aria-expanded") == "false"
    assert page.is_hidden("#search-page-q-suggestions")
    page.keyboard.press("ArrowDown")  # opens the list again on the first option
    chosen = page.inner_text(f"#{page.get_attribute('#search-page-q', 'aria-activedescendant')}")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.inner_text("h1") == chosen


@pytest.mark.parametrize("scheme", [None, "wb"])
def test_the_career_questionnaire_is_completed_with_the_keyboard_alone(page, site_server, urls, scheme):
    """Start, twenty questions (one per screen), the second step, results, comparison, route: Tab, Space,
    arrows and Enter only, in the standard and the white-on-black version; axe on every screen type."""
    if scheme:
        from portal.accessibility import COOKIE, Settings

        mode = Settings().change("scheme", scheme).change("size", "4")
        page.context.add_cookies([{"name": COOKIE, "value": mode.to_cookie(), "url": site_server.url}])
    problems = []

    def check(label):
        violations = axe_violations(page)
        if violations:
            problems.append(format_violations(f"{label} [{scheme}]", violations))

    def into_main():
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.textContent.trim()") == "Перейти к основному содержанию"
        page.keyboard.press("Enter")

    def press_and_wait(key="Enter"):
        with page.expect_navigation():
            page.keyboard.press(key)

    page.goto(site_server.url + "/konstruktor-karery/")
    tab_to(page, "Начать")
    press_and_wait()
    for number in range(1, 21):
        assert f"Вопрос {number} из 20" in page.inner_text("main")
        if number == 1:
            check("question screen")
        into_main()
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.type") == "radio"
        page.keyboard.press("ArrowDown" if number % 2 == 0 else "Space")  # option б, or option а
        tab_to(page, "Ответить")
        press_and_wait()

    assert page.inner_text("h1") == "Немного о себе"
    check("about yourself")
    into_main()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "id_grade"
    page.keyboard.press("ArrowDown")  # the 5th grade
    tab_to(page, "Показать результаты")
    press_and_wait()

    assert page.inner_text("h1") == "Ваши результаты"
    assert "из 8" in page.text_content("#profile-chart-desc")
    check("results")
    tab_to(page, "Нет или не хочу указывать")  # the disability category: its first option's text
    page.keyboard.press("ArrowDown")  # the first category
    tab_to(page, "Показать профессии")
    press_and_wait()
    assert page.inner_text("h1") == "Ваши результаты" and "t=" not in page.url
    assert page.evaluate("document.getElementById('id_disability').selectedIndex") == 1
    check("results for a disability category")
    into_main()
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.type") == "checkbox":
            break
    page.keyboard.press("Space")
    tab_to(page, "Сравнить отмеченные")
    press_and_wait()
    assert page.inner_text("h1") == "Сравнение профессий"
    check("comparison")
    tab_to(page, "Построить маршрут")
    press_and_wait()
    assert page.inner_text("h1").startswith("Мой маршрут: ")
    check("route")
    assert not problems, "\n".join(problems)
