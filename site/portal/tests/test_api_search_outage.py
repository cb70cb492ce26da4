"""``/api/v2/pages/?search=…`` answers from the database backend while OpenSearch is down or hanging."""

from conftest import survives_outage
from home.factories import ContentPageFactory


def test_api_search_answers_from_the_database(client, site_tree, search_at, outage):
    home, _ = site_tree
    ContentPageFactory(parent=home, title="Лесничий", summary="Охрана лесов края.")
    ContentPageFactory(parent=home, title="Сварщик")
    search_at(outage.url)
    responses = survives_outage(outage, lambda: client.get("/api/v2/pages/", {"search": "лесничий"}))
    for response in responses:
        assert [item["title"] for item in response.json()["items"]] == ["Лесничий"]
        assert response.json()["meta"]["total_count"] == 1
