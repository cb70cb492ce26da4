"""The home page's box for each audience leads to that audience's own tools, in both languages (issue 22: the boxes
led students to the events list, young people with disabilities to «О проекте», and every English box to the
project passport); each link answers. And the seeding function the apps share: a page in each language's
translation, a view by its address in each language, nothing added twice."""

import re

import pytest
from wagtail.models import Site

from home.models import HomePage, SectionPage
from portal.seeding import link_from_home

BOX = re.compile(
    r'<li class="audience audience--(?P<audience>\w+)">(?P<html>.*?)</li>\s*(?=<li class="audience|</ul>\s*</section>)',
    re.S,
)
LINK = re.compile(r'<li><a href="(?P<href>[^"]+)">(?P<text>[^<]+)</a></li>')

# What each audience finds in its box, by address (the texts are the seed's, checked below for two of them).
EXPECTED = {
    "/": {
        "students": ["/atlas/", "/konstruktor-karery/", "/profproby-i-ekskursii/"],
        "parents": ["/roditeliam/", "/roditeliam/tsentry/", "/dopolnitelnoe-obrazovanie/"],
        "teachers": ["/metodiki/", "/profproby-i-ekskursii/", "/kursy/"],
        "disabled_youth": ["/navigator/ravnye-vozmozhnosti/", "/iarmarki-vakansii/"],
        "employers": ["/organizatsiiam/registratsiia/", "/profproby-i-ekskursii/", "/vakansii/"],
    },
    "/en/": {
        "students": ["/en/atlas/", "/en/career-builder/", "/en/trials-and-excursions/"],
        "parents": ["/en/parents/", "/en/parents/support-centres/", "/en/additional-education/"],
        "teachers": ["/en/teaching-resources/", "/en/trials-and-excursions/", "/en/courses/"],
        "disabled_youth": ["/en/navigator/equal-opportunities/", "/en/vacancy-fairs/"],
        "employers": ["/en/organizatsiiam/registratsiia/", "/en/trials-and-excursions/", "/en/vacancies/"],
    },
}


def boxes(html):
    return {
        box["audience"]: [(link["href"], link["text"]) for link in LINK.finditer(box["html"])]
        for box in BOX.finditer(html)
    }


@pytest.fixture
def seeded(seeded_site, db):
    return seeded_site


@pytest.mark.parametrize("home", EXPECTED)
def test_each_audience_box_leads_to_its_own_tools_and_every_link_answers(seeded, client, home):
    shown = boxes(client.get(home).content.decode())
    assert {audience: [href for href, _text in links] for audience, links in shown.items()} == EXPECTED[home]
    for links in shown.values():
        for href, text in links:
            response = client.get(href)
            assert response.status_code == 200, (href, text, response.status_code)
    html = client.get(home).content.decode()
    titles = re.findall(
        r'<h3 class="audience__title"><span class="icon icon--([\w-]+)" aria-hidden="true"></span>', html
    )
    assert titles == ["school", "users", "presentation", "wheelchair", "briefcase"]
    if home == "/":
        assert ("/organizatsiiam/registratsiia/", "Зарегистрировать организацию") in shown["employers"]
        assert ("/konstruktor-karery/", "Конструктор карьеры") in shown["students"]
    else:
        assert ("/en/courses/", "Professional development courses") in shown["teachers"]


def test_a_second_seed_run_adds_no_link_and_keeps_an_editors_wording(seeded, client):
    home = HomePage.objects.get(pk=Site.objects.get(is_default_site=True).root_page_id)
    entries = home.audiences.raw_data
    students = next(entry for entry in entries if entry["value"]["audience"] == "students")
    students["value"]["links"][0]["text"] = "Все профессии края"  # an editor's wording
    home.audiences = entries
    home.save_revision().publish()
    atlas = HomePage.objects.get(pk=home.pk).audiences[0].value["links"][0]["page"]

    assert link_from_home("students", atlas, {"ru": "Атлас профессий края"}) == 0
    assert link_from_home("employers", "partners:register", {"ru": "Зарегистрироваться", "en": "Register"}) == 0
    shown = boxes(client.get("/").content.decode())
    assert shown["students"][0] == ("/atlas/", "Все профессии края") and len(shown["students"]) == 3


def test_a_page_without_a_translation_is_linked_only_in_the_languages_it_has(site_tree):
    home, home_en = site_tree
    for page, title in ((home, "Школьникам"), (home_en, "Students")):
        page.audiences = [("entry", {"audience": "students", "title": title, "text": "", "links": []})]
        page.save_revision().publish()
    section = home.add_child(instance=SectionPage(title="Раздел", slug="razdel"))

    assert link_from_home("students", section, {"ru": "Раздел", "en": "Section"}) == 1
    assert link_from_home("students", "partners:register", {"ru": "Регистрация", "en": "Registration"}) == 2
    ru, en = (HomePage.objects.get(pk=page.pk).audiences[0].value["links"] for page in (home, home_en))
    assert [(link["page"] and link["page"].pk, link["url"]) for link in ru] == [
        (section.pk, ""),
        (None, "/organizatsiiam/registratsiia/"),
    ]
    assert [(link["page"], link["url"]) for link in en] == [(None, "/en/organizatsiiam/registratsiia/")]
