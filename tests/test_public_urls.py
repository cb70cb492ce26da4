"""Every absolute URL the portal hands out names the configured public address (PUBLIC_BASE_URL): not the
request's host («testserver» here) and not the hostname of Wagtail's Site record (the factories leave it
at «localhost», as Wagtail's first migration does)."""

import io
import json
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

import pytest
from django.core.cache import cache
from django.core.files.base import ContentFile
from icalendar import Calendar
from pypdf import PdfReader
from wagtail.documents import get_document_model
from wagtail.models import Site

from atlas.factories import AtlasIndexPageFactory, ProfessionPageFactory
from career.tests.conftest import career  # noqa: F401 (fixture)
from home.factories import ContentPageFactory, EventIndexPageFactory, EventPageFactory, SectionPageFactory
from home.seed import Seeder
from methodics.tests.conftest import methodics, teachers_collection  # noqa: F401 (fixtures)
from monitoring.tests.conftest import monitoring  # noqa: F401 (fixture)
from portal.addresses import checked_base_url, public_url
from portal.pdf import qr_svg
from portal.tests.helpers import download

BASE = "https://uchis-rabotay.example.ru"
OTHER_HOSTS = ("localhost", "testserver", "127.0.0.1")


@pytest.fixture
def public_base(settings):
    """The public address as a deployment sets it (WAGTAIL*_BASE_URL follow PUBLIC_BASE_URL in base.py)."""
    settings.PUBLIC_BASE_URL = settings.WAGTAILAPI_BASE_URL = settings.WAGTAILADMIN_BASE_URL = BASE
    cache.clear()  # robots.txt is cached per host
    return BASE


def assert_no_other_host(text):
    for host in OTHER_HOSTS:
        assert host not in text, host


def pdf_text_and_links(content):
    reader = PdfReader(io.BytesIO(content))
    text = " ".join(page.extract_text() for page in reader.pages)
    links = [
        annotation.get_object()["/A"]["/URI"]
        for page in reader.pages
        for annotation in page.get("/Annots", [])
        if "/A" in annotation.get_object() and "/URI" in annotation.get_object()["/A"]
    ]
    return text, links


def test_canonical_and_hreflang_links(client, site_tree, public_base):
    home, _ = site_tree
    section = SectionPageFactory(parent=home, title="Раздел", slug="razdel")
    html = client.get(section.url).content.decode()
    head = html[: html.index("</head>")]
    assert f'<link rel="canonical" href="{BASE}/razdel/">' in head
    home_head = client.get("/").content.decode().split("</head>")[0]
    assert f'<link rel="alternate" hreflang="ru" href="{BASE}/">' in home_head
    assert f'<link rel="alternate" hreflang="en" href="{BASE}/en/">' in home_head
    assert_no_other_host(head + home_head)


def test_sitemap_and_robots_txt(client, site_tree, public_base):
    home, _ = site_tree
    ContentPageFactory(parent=home, title="Страница", slug="stranitsa")
    root = ET.fromstring(client.get("/sitemap.xml").content)
    locations = [loc.text for loc in root.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert f"{BASE}/stranitsa/" in locations and f"{BASE}/en/" in locations
    assert all(location.startswith(BASE + "/") for location in locations)
    robots = client.get("/robots.txt").content.decode()
    assert f"Sitemap: {BASE}/sitemap.xml" in robots
    assert_no_other_host(robots)


def test_api_urls(client, site_tree, public_base):
    home, _ = site_tree
    page = ContentPageFactory(parent=home, title="Страница", slug="stranitsa")
    document = get_document_model()(title="Положение")
    document.file.save("polozhenie.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"), save=False)
    document.save()
    listing = client.get("/api/v2/pages/", {"type": "home.ContentPage", "fields": "_,html_url"}).json()
    assert listing["items"][0]["meta"]["html_url"] == f"{BASE}/stranitsa/"
    detail = client.get(f"/api/v2/pages/{page.pk}/").json()
    assert detail["meta"]["html_url"] == f"{BASE}/stranitsa/"
    assert detail["meta"]["detail_url"] == f"{BASE}/api/v2/pages/{page.pk}/"
    assert detail["meta"]["parent"]["meta"]["html_url"] == f"{BASE}/"
    documents = client.get("/api/v2/documents/", {"fields": "download_url"}).json()
    assert documents["items"][0]["meta"]["download_url"].startswith(f"{BASE}/documents/{document.pk}/")
    assert_no_other_host(json.dumps([listing, detail, documents]))


def test_lesson_pdf_link_and_qr_code(client, methodics, public_base):  # noqa: F811
    lesson = methodics["ships_lesson"]
    from methodics.downloads import lesson_pdf_context

    response = download(client, lesson.url + "pdf/")
    expected = BASE + lesson.url
    text, links = pdf_text_and_links(response.body)
    assert expected in links and expected in text.replace("\n", "")
    assert lesson_pdf_context(lesson)["qr"] == qr_svg(expected)  # the QR code the PDF prints encodes the public URL
    assert_no_other_host(" ".join(links))


def test_kit_zip_read_me(client, methodics, public_base):  # noqa: F811
    import zipfile

    kit = methodics["general"]
    response = download(client, kit.url + "zip/")
    readme = zipfile.ZipFile(io.BytesIO(response.body)).read("ПРОЧТИТЕ.txt").decode()
    assert BASE + kit.url in readme.splitlines()
    assert_no_other_host(readme)


def test_card_pdf_qr_code_and_page_json_ld(client, site_tree, public_base):
    home, _ = site_tree
    atlas = AtlasIndexPageFactory(parent=home)
    card = ProfessionPageFactory(parent=atlas, title="Сварщик", slug="svarshchik")
    expected = f"{BASE}/atlas/svarshchik/"
    from atlas.builds import card_pdf_context

    response = download(client, card.url + "pdf/")
    text, _links = pdf_text_and_links(response.body)
    assert expected in text.replace("\n", "")
    assert card_pdf_context(card)["qr_code"] == qr_svg(expected)
    html = client.get(card.url).content.decode()
    json_ld = json.loads(html.split('<script type="application/ld+json">')[1].split("</script>")[0])
    assert expected in json.dumps(json_ld)
    assert client.get(atlas.url + "opendata/json/").json()["source"] == f"{BASE}/atlas/"


def test_report_pdf_link(client, monitoring, public_base):  # noqa: F811
    report = monitoring["report"]
    text, _links = pdf_text_and_links(download(client, report.url + "pdf/").body)
    assert BASE + report.url in text.replace("\n", "")


def test_ical_urls(client, site_tree, public_base):
    home, _ = site_tree
    index = EventIndexPageFactory(parent=home)
    fair = EventPageFactory(parent=index, title="Ярмарка профессий")
    calendar = Calendar.from_ical(client.get(index.url + "ical/").content)
    assert [str(event["url"]) for event in calendar.walk("VEVENT")] == [BASE + fair.url]
    single = Calendar.from_ical(client.get(fair.url + "ical/").content)
    assert [str(event["url"]) for event in single.walk("VEVENT")] == [BASE + fair.url]


def test_class_session_student_link(client, career, public_base):  # noqa: F811
    code, key = urlsplit(client.post("/konstruktor-karery/klass/")["Location"]).fragment.split(".")
    picture = client.post("/konstruktor-karery/klass/otkryt/", {"code": code, "key": key})
    student_url, teacher_url = picture.context["student_url"], picture.context["teacher_url"]
    assert urlsplit(student_url)[:3] == ("https", "uchis-rabotay.example.ru", "/konstruktor-karery/")
    assert urlsplit(teacher_url)[:3] == ("https", "uchis-rabotay.example.ru", "/konstruktor-karery/klass/otkryt/")


def test_the_seed_points_the_default_site_at_the_public_address_and_follows_it(site_tree, settings):
    home, _ = site_tree
    settings.PUBLIC_BASE_URL = "http://127.0.0.1:8123"
    Seeder(log=lambda _line: None).site(home)
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port, site.root_url) == ("127.0.0.1", 8123, "http://127.0.0.1:8123")
    settings.PUBLIC_BASE_URL = BASE  # the setting changed: the existing Site follows it
    Seeder(log=lambda _line: None).site(home)
    site.refresh_from_db()
    assert (site.hostname, site.port, site.root_url, site.root_page_id) == (
        "uchis-rabotay.example.ru",
        443,
        BASE,
        home.pk,
    )
    assert Site.objects.count() == 1


def test_public_url_of_pages_and_paths(site_tree, public_base):
    home, home_en = site_tree
    assert public_url(home) == BASE + "/"
    assert public_url(home_en) == BASE + "/en/"
    assert public_url("/sitemap.xml") == public_url("sitemap.xml") == BASE + "/sitemap.xml"
    assert public_url("https://elsewhere.example/") == "https://elsewhere.example/"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("https://uchis-rabotay.example.ru/", "https://uchis-rabotay.example.ru"),
        ("http://127.0.0.1:8000", "http://127.0.0.1:8000"),
        (" http://[::1]:8080 ", "http://[::1]:8080"),
    ],
)
def test_base_url_setting_is_normalised(value, expected):
    assert checked_base_url(value) == expected


@pytest.mark.parametrize("value", ["uchis-rabotay.example.ru", "ftp://host", "https://host/portal/", "https://"])
def test_base_url_setting_refuses_what_is_not_an_origin(value):
    from django.core.exceptions import ImproperlyConfigured

    with pytest.raises(ImproperlyConfigured):
        checked_base_url(value)
