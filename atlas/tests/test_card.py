"""The profession card: page, JSON-LD, PDF and its query count."""

import io
import json
import re

import pytest
from pypdf import PdfReader

from atlas.factories import DistrictFactory, EmployerFactory, OrganisationFactory, ProfessionPageFactory
from atlas.models import ProfessionSuitability
from portal.tests.helpers import download, picture_parts, queries_for, srcset_widths


def json_ld(html):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(blocks) == 1
    return json.loads(blocks[0])


def test_card_shows_its_sections(client, catalogue):
    welder = catalogue["welder"]
    html = client.get(welder.url).content.decode()
    for text in (
        "Сварщик",
        "Чем занимается",
        "Собирает узлы",
        "60\xa0000–90\xa0000 ₽ в месяц",
        "КнААЗ",
        "Авиационно-технический колледж",
        "Слабослышание",
        "Жесты и табло",
        "Скачать карточку в PDF",
    ):
        assert text in html, text
    assert "демонстрационные данные" in html  # no salary source was given


def test_salary_with_a_source_is_not_called_demonstration(client, atlas):
    page = ProfessionPageFactory(
        parent=atlas, title="Дворник", salary_min=40_000, salary_max=40_000, salary_source="https://news.example/salary"
    )
    html = client.get(page.url).content.decode()
    assert "40\xa0000 ₽ в месяц" in html and "демонстрационные данные" not in html


def test_unverified_fields_are_marked(client, atlas):
    employer = EmployerFactory(name="Порт Ванино")
    page = ProfessionPageFactory(parent=atlas, title="Докер", needs_verification="employers")
    page.employers.set([employer])
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    assert "Порт Ванино" in html and "сведения уточняются" in html


def test_json_ld_is_a_valid_occupation(client, catalogue):
    data = json_ld(client.get(catalogue["welder"].url).content.decode())
    assert data["@context"] == "https://schema.org" and data["@type"] == "Occupation"
    assert data["name"] == "Сварщик"
    assert data["occupationalCategory"] == "Авиастроение"
    salary = data["estimatedSalary"][0]
    assert salary["@type"] == "MonetaryAmountDistribution" and salary["currency"] == "RUB"
    assert (salary["minValue"], salary["maxValue"]) == (60_000, 90_000)
    assert data["educationRequirements"]["credentialCategory"] == "Среднее профессиональное образование"
    assert "Чтение чертежей" in data["skills"]
    assert data["occupationLocation"][0]["name"] == "Хабаровский край"


def test_json_ld_cannot_be_broken_out_of(client, atlas):
    page = ProfessionPageFactory(parent=atlas, title="Тест</script><script>alert(1)</script>")
    html = client.get(page.url).content.decode()
    assert json_ld(html)["name"] == page.title
    assert "<script>alert(1)" not in html


def test_pdf_has_the_cards_text_and_is_tagged(client, catalogue):
    welder = catalogue["welder"]
    response = download(client, welder.url + "pdf/")
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.body))
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "Сварщик" in text and "60 000" in text.replace("\xa0", " ")
    assert "КнААЗ" in text
    catalog = reader.trailer["/Root"]
    assert "/StructTreeRoot" in catalog  # tagged for assistive software
    assert bool(catalog["/MarkInfo"]["/Marked"]) is True  # a pypdf BooleanObject
    assert str(catalog["/Lang"]).startswith("ru")
    assert reader.metadata.title == "Сварщик"
    fonts = {str(font) for page in reader.pages for font in _fonts(page)}
    assert fonts and all("+" in name for name in fonts)  # subset-embedded fonts


def _fonts(page):
    resources = page.get("/Resources") or {}
    fonts = resources.get("/Font") or {}
    return [fonts[key].get_object()["/BaseFont"] for key in fonts]


@pytest.mark.django_db
def test_card_query_count_does_not_grow_with_links(client, atlas):
    def card_with(links):
        page = ProfessionPageFactory(parent=atlas)
        page.employers.set([EmployerFactory() for _ in range(links)])
        page.organisations.set([OrganisationFactory() for _ in range(links)])
        page.districts.set([DistrictFactory() for _ in range(links)])
        page.related_professions.set([ProfessionPageFactory(parent=atlas) for _ in range(links)])
        page.suitability = [
            ProfessionSuitability(category=c, degree="suitable")
            for c in ["hearing", "deaf", "speech", "autism"][:links]
        ]
        page.save_revision().publish()
        return page

    assert queries_for(client, card_with(1).url) == queries_for(client, card_with(4).url)


def test_index_query_count_with_three_filters_does_not_grow(client, atlas, catalogue):
    url = atlas.url + "?sector=aviastroenie&level=spo&salary_from=1000"
    before = queries_for(client, url)
    for _ in range(20):
        ProfessionPageFactory(parent=atlas, sector=catalogue["aviation"], salary_min=70_000, salary_max=75_000)
    assert queries_for(client, url) == before


def test_api_filters_professions_by_sector_and_level(client, catalogue):
    aviation = catalogue["aviation"]
    response = client.get(
        f"/api/v2/pages/?type=atlas.ProfessionPage&sector={aviation.pk}&education_level=spo"
        "&fields=sector_name,education_level,salary_min"
    )
    assert response.status_code == 200
    items = response.json()["items"]
    assert [item["title"] for item in items] == ["Сварщик"]
    assert items[0]["sector_name"] == "Авиастроение" and items[0]["salary_min"] == 60_000


def test_card_images_come_in_modern_formats_with_widths_and_their_size_set(client, atlas):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    from portal.models import PortalImage

    buffer = io.BytesIO()
    Image.new("RGB", (1000, 750), "#0b4f8a").save(buffer, "PNG")
    photo = PortalImage.objects.create(
        title="Сварщик у станка",
        description="Сварщик в маске у станка",
        file=SimpleUploadedFile("svarshchik.png", buffer.getvalue(), content_type="image/png"),
    )
    page = ProfessionPageFactory(parent=atlas, title="Сварщик")
    page.media = [("image", {"image": photo, "alt_text": "", "decorative": False, "caption": ""})]
    page.save_revision().publish()
    html = client.get(page.url).content.decode()

    sources, img = picture_parts(html)
    assert [source["type"] for source in sources] == ["image/webp"]
    for srcset in [source["srcset"] for source in sources] + [img["srcset"]]:
        assert srcset_widths(srcset) == [480, 800, 1000]  # the photo's own 1000 px: never enlarged
    assert img["src"].endswith(".jpg") and img["srcset"].count(".jpg ") == 3  # JPEG for the other browsers
    assert (img["width"], img["height"]) == ("480", "360")  # its place is kept while it loads
    assert img["sizes"] == sources[0]["sizes"] == "(max-width: 72rem) calc(100vw - 2rem), 70rem"
    assert img["alt"] == "Сварщик в маске у станка" and img["loading"] == "lazy"
