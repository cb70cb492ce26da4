"""The card and the listing for the requests the page cache does not serve (a signed-in editor, a filter): their
bodies are cached fragments (portal/templatetags/fragments.py), which skip the links' queries and go stale with
the content version and are kept per filter; a preview always shows the draft."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.usefixtures("page_cache")


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


def twice(client, url):
    """The second of two GETs, with the number of queries it cost."""
    first = client.get(url)
    with CaptureQueriesContext(connection) as queries:
        second = client.get(url)
    assert first.status_code == second.status_code == 200
    return second, len(queries)


def test_a_signed_in_editor_gets_the_card_body_from_the_fragment_cache(admin_client, catalogue, committed):
    welder = catalogue["welder"]
    built = admin_client.get(welder.url)
    assert "X-Page-Cache" not in built  # signed in: never the page cache
    again, queries = twice(admin_client, welder.url)
    assert again.content.decode().count("Жесты и табло") == built.content.decode().count("Жесты и табло") == 1
    # The session and the user, the page, Wagtail's user bar: none of the card's links (sector, employers, …).
    assert queries <= 6, queries

    employer = catalogue["employer"]
    employer.name = "Комсомольский-на-Амуре авиазавод"
    with committed():
        employer.save()
    assert "Комсомольский-на-Амуре авиазавод" in admin_client.get(welder.url).content.decode()


def test_each_filter_of_the_listing_has_its_own_fragment(admin_client, catalogue, atlas):
    everything, _queries = twice(admin_client, atlas.url)
    aviation, _queries = twice(admin_client, atlas.url + "?sector=" + catalogue["aviation"].slug)
    assert "Медицинская сестра" in everything.content.decode()
    assert "Медицинская сестра" not in aviation.content.decode() and "Сварщик" in aviation.content.decode()
    page_two = admin_client.get(atlas.url + "?page=2")  # out of range: the last page, as without the cache
    assert page_two.status_code == 200 and "Сварщик" in page_two.content.decode()


def test_a_preview_shows_the_draft_not_the_cached_card(admin_client, catalogue):
    welder = catalogue["welder"]
    twice(admin_client, welder.url)  # the live card's body is in the fragment cache
    welder.summary = "Черновик: новое описание профессии"
    welder.save_revision()
    preview = admin_client.get(f"/admin/pages/{welder.pk}/view_draft/")
    assert preview.status_code == 200
    assert "Черновик: новое описание профессии" in preview.content.decode()
    assert "Черновик: новое описание профессии" not in admin_client.get(welder.url).content.decode()
