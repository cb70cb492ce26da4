import xml.etree.ElementTree as ET

import pytest
from django.conf import settings

from home.factories import ContentPageFactory, SectionPageFactory

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def test_sitemap_lists_published_pages_of_both_languages_only(client, site_tree):
    home, _ = site_tree
    section = SectionPageFactory(parent=home, title="Опубликованный раздел")
    draft = ContentPageFactory(parent=section, title="Черновик", live=False)
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    locations = {loc.text for loc in ET.fromstring(response.content).findall("s:url/s:loc", NS)}
    paths = {loc.removeprefix(settings.PUBLIC_BASE_URL) for loc in locations}
    assert {"/", "/en/", section.url} <= paths
    assert draft.url not in paths and all("chernovik" not in p for p in paths)


@pytest.mark.django_db  # every request finds its site first (portal.lookups, from the cache after the first)
def test_robots_txt_points_to_the_sitemap_and_keeps_out_of_admin(client):
    text = client.get("/robots.txt").content.decode()
    assert "Disallow: /admin/" in text and f"Sitemap: {settings.PUBLIC_BASE_URL}/sitemap.xml" in text
