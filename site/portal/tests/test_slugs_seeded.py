"""The seeded site's addresses follow the portal's one transliteration (portal.slugs), and the old ones redirect."""

import re
from importlib import import_module

import pytest
from django.apps import apps
from wagtail.models import Page

from portal import slug_renames
from portal.slugs import slug_for

CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)
# What the other schemes write and ICAO never does: я/ю/ё as ya/yu/yo, й after a vowel as y, й as j, х as h or x,
# ц as c, щ as shh (ы is y in every scheme: «vy», «ryby», «ravnye»).
OTHER_SCHEME = re.compile(r"y[aou]|[aeiou]y|j|x|w|q|shh|(?<![kzcs])h|c(?!h)")
# English words some Russian pages have as their address.
ENGLISH_WORDS = {"news"}


def other_scheme_words(page):
    """The words of ``page``'s slug spelt in another transliteration than the one of its title's ICAO slug."""
    icao = set(slug_for(page.title).split("-"))
    return [word for word in page.slug.split("-") if word not in icao | ENGLISH_WORDS and OTHER_SCHEME.search(word)]


@pytest.mark.parametrize(
    ("slug", "offends"),
    [("roditelyam", True), ("centry", True), ("profivoh", True), ("moy-marshrut", True), ("roditeliam", False)],
)
def test_the_check_tells_the_other_schemes(slug, offends):
    assert bool(other_scheme_words(Page(title="Любой заголовок", slug=slug))) is offends


def test_every_seeded_page_with_a_russian_title_has_an_icao_slug(seeded_site, db):
    pages = Page.objects.live().filter(depth__gt=2).only("title", "slug", "url_path")  # below the sites' roots
    checked = [page for page in pages if CYRILLIC.search(page.title)]
    assert len(checked) > 100
    offenders = {page.url_path: other_scheme_words(page) for page in checked if other_scheme_words(page)}
    assert offenders == {}


def test_an_old_address_of_the_seeded_site_redirects_to_the_new_one(client, seeded_site, db):
    """portal migration 0012 on the seeded site as it was before: the parents' section and its centres moved."""
    migration = import_module("portal.migrations.0012_one_transliteration_everywhere")
    slug_renames.rename(apps, {new: old for old, new in migration.RENAMED.items()}, redirect=False)
    assert Page.objects.filter(slug="roditelyam").exists()
    migration.rename(apps, None)

    answer = client.get("/roditelyam/centry/")
    assert (answer.status_code, answer["Location"]) == (301, "/roditeliam/tsentry/")
    assert client.get("/roditeliam/tsentry/").status_code == 200
    answer = client.get("/roditelyam/centry/konsultaciya/")
    assert (answer.status_code, answer["Location"]) == (301, "/roditeliam/tsentry/konsultatsiia/")
    answer = client.get("/roditeliam/tsentry/konsultaciya/otpravleno/?centre=1")
    assert (answer.status_code, answer["Location"]) == (301, "/roditeliam/tsentry/konsultatsiia/otpravleno/?centre=1")
    kit = "/metodiki/profivokh-professionalnoe-samoopredelenie/khochu-mogu-nado/"
    assert client.get("/metodiki/profivoh-professionalnoe-samoopredelenie/hochu-mogu-nado/")["Location"] == kit
