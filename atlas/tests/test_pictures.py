"""Every profession card has a picture: its own, or else its sector's illustration (the project's drawings, seeded
with written alt text and a credit). The list cards show it as decoration, the card's page and the sector's page
with its alt text; the lists cost as many queries however many pictured cards there are."""

import io
import re

import pytest
from django.core.files.images import ImageFile
from PIL import Image

from atlas.factories import ProfessionPageFactory, SectorFactory
from portal.illustrations import illustration_list, sector_illustrations
from portal.models import PortalImage
from portal.tests.helpers import assert_few_constant_queries

CREDIT = "Рисунок: проект «Учись и работай в Хабаровском крае», CC BY 4.0"


def photo(title="Сварщик за работой", alt="Фото: сварщик в маске варит шов на трубе"):
    buffer = io.BytesIO()
    Image.new("RGB", (320, 200), "#0b4f8a").save(buffer, "PNG")
    image = PortalImage(title=title, description=alt, credit="Фото: ХК ИРО, CC BY 4.0")
    image.file = ImageFile(buffer, name="svarshchik.png")
    image.save()
    return image


def imgs(html):
    return re.findall(r"<img [^>]*>", html)


def alt_of(tag):
    return re.search(r'alt="([^"]*)"', tag).group(1)


@pytest.fixture
def illustrated(catalogue):
    """The catalogue's sectors with the project's drawings for them."""
    drawings = sector_illustrations()
    for key, name in (("aviation", "Авиастроение"), ("health", "Здравоохранение")):
        sector = catalogue.get(key) or catalogue["nurse"].sector
        sector.illustration = drawings[name]
        sector.save()
    return drawings


def test_every_sector_of_the_seed_data_has_a_drawing_with_written_alt_text_and_credit():
    import csv

    from atlas.seed import DATA_DIR

    with open(DATA_DIR / "sectors.csv", encoding="utf-8") as fh:
        sectors = {row["name_ru"] for row in csv.DictReader(fh)}
    drawings = illustration_list()
    assert sectors == {meta["sector"] for meta in drawings if meta.get("sector")}
    assert sum(1 for meta in drawings if meta.get("home")) == 1
    for meta in drawings:
        assert meta["description"].startswith("Рисунок: ") and len(meta["description"]) > 20
        assert meta["credit"] == CREDIT
    assert len({meta["description"] for meta in drawings}) == len(drawings), "each alt text says what its scene shows"


@pytest.mark.django_db
def test_the_drawings_become_wagtail_images_once():
    first = sector_illustrations()
    again = sector_illustrations()
    assert first["Авиастроение"].pk == again["Авиастроение"].pk
    assert PortalImage.objects.count() == len(first)
    plane = first["Авиастроение"]
    assert plane.alt == "Рисунок: самолёт над заводским ангаром"
    assert plane.credit == CREDIT
    assert plane.file.name.endswith(".svg") and plane.is_svg()


def test_a_card_without_a_picture_shows_its_sectors_illustration(client, catalogue, illustrated):
    welder = catalogue["welder"]
    html = client.get(welder.url).content.decode()
    [picture] = [tag for tag in imgs(html) if "/media/" in tag]
    assert alt_of(picture) == "Рисунок: самолёт над заводским ангаром"
    assert ".svg" in picture  # the drawing stays a vector
    assert CREDIT in html


def test_a_cards_own_picture_comes_before_its_sectors(client, catalogue, illustrated):
    welder = catalogue["welder"]
    welder.image = photo()
    welder.save_revision().publish()
    html = client.get(welder.url).content.decode()
    assert "Фото: сварщик в маске варит шов на трубе" in html
    assert "Рисунок: самолёт над заводским ангаром" not in html
    assert "Фото: ХК ИРО, CC BY 4.0" in html


def test_a_card_whose_sector_has_no_illustration_shows_no_picture(client, catalogue):
    html = client.get(catalogue["welder"].url).content.decode()
    assert "illustration" not in html and CREDIT not in html


def test_list_cards_show_the_picture_as_decoration(client, atlas, catalogue, illustrated):
    html = client.get(atlas.url).content.decode()
    pictures = [tag for tag in imgs(html) if "card__picture" in tag]
    assert len(pictures) == 3  # welder and engineer: aviation; nurse: health
    assert {alt_of(tag) for tag in pictures} == {""}
    assert sum(".svg" in tag for tag in pictures) == 3


def test_the_sector_page_shows_its_illustration_with_alt_text(client, atlas, catalogue, illustrated):
    html = client.get(atlas.url + "otrasli/aviastroenie/").content.decode()
    [figure] = re.findall(r'<figure class="figure illustration">.*?</figure>', html, re.S)
    assert 'alt="Рисунок: самолёт над заводским ангаром"' in figure
    assert CREDIT in figure
    assert html.count("card__picture") == 2  # the sector's two cards


def test_pictured_lists_cost_as_many_queries_with_more_pictured_cards(
    client, catalogue, atlas, illustrated, django_capture_on_commit_callbacks
):
    urls = [atlas.url, atlas.url + "otrasli/aviastroenie/", catalogue["welder"].url]
    catalogue["engineer"].image = photo("Инженер", "Фото: инженер у чертежа")
    catalogue["engineer"].save_revision().publish()

    def grow():
        with django_capture_on_commit_callbacks(execute=True):
            for number in range(12):
                sector = SectorFactory(illustration=illustrated["Строительство"])
                ProfessionPageFactory(parent=atlas, sector=catalogue["aviation"], image=photo(f"Фото {number}"))
                ProfessionPageFactory(parent=atlas, sector=sector)

    counts = assert_few_constant_queries(client, urls, grow)
    print("queries", counts)
