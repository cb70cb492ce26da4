"""The Profnavigator editions, the equal-opportunities navigator and the handbook for applicants."""

import io
import re

from pypdf import PdfReader

from atlas.factories import ProfessionPageFactory
from atlas.models import ProfessionSuitability
from navigator.models import ProfnavigatorEditionPage
from portal.tests.helpers import download, queries_for


def test_only_one_current_edition(guides):
    guides["old"].is_current = True
    guides["old"].save_revision().publish()
    current = ProfnavigatorEditionPage.objects.filter(is_current=True)
    assert [e.year for e in current] == [2025]


def test_edition_lists_its_sections_in_the_editors_order(client, guides):
    html = client.get(guides["new"].url).content.decode()
    assert html.index("Токарь") < html.index("Сварщик") and "Пилот" not in html
    index = client.get(guides["index"].url).content.decode()
    assert "Текущее издание" in index and index.index("Профнавигатор-2026") < index.index("Профнавигатор-2025")


def test_comparison_shows_added_and_removed(client, guides):
    response = client.get(guides["new"].url, {"compare": "2025"})
    assert response.context["added"] == ["Токарь"] and response.context["removed"] == ["Пилот"]
    assert "Что изменилось с 2025 года" in response.content.decode()
    bad = client.get(guides["new"].url, {"compare": "1999<script>"})
    html = bad.content.decode()
    assert bad.status_code == 200 and "Нет другого издания" in html and "<script>" not in html.split("main")[1]


def test_booklet_pdf_has_contents_with_page_numbers_and_one_card_per_page(client, guides):
    response = download(client, guides["new"].url + "pdf/")
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.body))
    pages = [page.extract_text() for page in reader.pages]
    assert "Профнавигатор-2026" in pages[0]
    contents = pages[1]
    assert "Содержание" in contents and "Токарь" in contents and "Сварщик" in contents
    turner_page = next(i for i, text in enumerate(pages) if "Карточка профессии" in text and "Токарь" in text)
    number = re.search(r"Токарь[ .]*?(\d+)", contents)
    assert number and int(number.group(1)) == turner_page + 1  # the contents give the card's real page
    assert "Сварщик" not in pages[turner_page]  # one card per page
    assert "/StructTreeRoot" in reader.trailer["/Root"]
    assert reader.metadata.title == "Профнавигатор-2026"


def test_equal_opportunities_filters_by_category(client, guides):
    response = client.get(guides["equal"].url, {"category": "hearing"})
    html = response.content.decode()
    titles = [row.page.title for row in response.context["results"]]
    assert titles == ["Сварщик", "Токарь"]  # suitable first, then with limitations; «not suitable» left out
    assert "Световые сигналы" in html and "Эпилепсия" in html and "Пандус, сурдопереводчик" in html
    assert "Адаптированные программы (АОП):</strong> 15.01.05 Сварщик (ручной сварки)" in html
    only = client.get(guides["equal"].url, {"category": "hearing", "degree": "suitable"})
    assert [row.page.title for row in only.context["results"]] == ["Сварщик"]


def test_unknown_category_gives_a_message_not_an_error(client, guides):
    response = client.get(guides["equal"].url, {"category": "unknown"})
    html = response.content.decode()
    assert response.status_code == 200 and 'role="alert"' in html and "results" not in response.context


def test_equal_opportunities_query_count_does_not_grow(client, guides):
    url = guides["equal"].url + "?category=hearing"
    before = queries_for(client, url)
    for _ in range(10):
        page = ProfessionPageFactory(parent=guides["atlas"])
        page.suitability = [ProfessionSuitability(category="hearing", degree="suitable")]
        page.organisations.set([guides["college"]])
        page.save_revision().publish()
    assert queries_for(client, url) == before


def test_handbook_lists_organisations_with_open_days_and_filters(client, guides):
    html = client.get(guides["handbook"].url).content.decode()
    assert "Авиационный колледж" in html and "14 марта 2026" in html and "Пандус, сурдопереводчик" in html
    response = client.get(guides["handbook"].url, {"profession": "Сварщик"})
    assert [o.name for o in response.context["organisations"]] == ["Авиационный колледж"]
    response = client.get(guides["handbook"].url, {"level": "vo"})
    assert list(response.context["organisations"]) == []
    bad = client.get(guides["handbook"].url, {"district": "nowhere", "level": "phd"})
    assert bad.status_code == 200 and 'role="alert"' in bad.content.decode()
