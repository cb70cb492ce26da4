"""Views that only read answer only GET and HEAD; a page answers only the methods it declares (the career
builder takes its forms' POSTs). Teachers who sign in without a «next» land on a page that exists."""

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from home.factories import ContentPageFactory

UNSAFE = ["TRACE", "PUT", "DELETE", "PATCH"]


@pytest.fixture
def addresses(site_tree):
    home, _ = site_tree
    page = ContentPageFactory(parent=home, title="О проекте", slug="o-proekte")
    document = get_document_model()(title="Памятка")
    document.file.save("pamyatka.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"), save=False)
    document.save()
    return [
        "/search/?q=сварщик",
        "/search/suggest/?q=сва",
        "/en/search/",
        "/sitemap.xml",
        "/api/v2/pages/",
        "/robots.txt",
        "/accessibility/",
        "/",
        page.url,
        "/en/",
        document.url,
    ]


@pytest.mark.parametrize("method", UNSAFE)
def test_read_only_addresses_refuse_methods_that_write_or_echo(client, addresses, method):
    for address in addresses:
        response = client.generic(method, address)
        assert response.status_code == 405, (method, address, response.status_code)
        assert "GET" in response["Allow"]


def test_read_only_addresses_still_answer_get_and_head(client, addresses):
    for address in addresses:
        assert client.get(address).status_code == 200, address
        assert client.head(address).status_code == 200, address


def test_the_career_builder_takes_posts_but_not_trace(client, site_tree):
    from career.models import CareerBuilderPage

    home, _ = site_tree
    page = home.add_child(instance=CareerBuilderPage(title="Конструктор карьеры", slug="konstruktor"))
    assert client.generic("TRACE", page.url).status_code == 405
    assert client.post(page.url + "klass/", {}).status_code != 405


def test_signing_in_without_next_lands_on_a_page_that_exists(client, site_tree, django_user_model):
    django_user_model.objects.create_user("uchitel", password="pw-Хабаровск-2026")
    response = client.post("/_util/login/", {"username": "uchitel", "password": "pw-Хабаровск-2026"}, follow=True)
    assert response.redirect_chain[0] == ("/", 302)
    assert response.status_code == 200 and response.context["user"].is_authenticated
