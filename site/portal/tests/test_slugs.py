"""One transliteration for every address the portal makes: the seed's, an import's, code's and the admin's."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, streamfield

from home.factories import ContentPageFactory, make_site_tree
from home.models import ContentPage
from portal.slugs import slug_for, wagtail_admin_slug


@pytest.mark.parametrize(
    ("title", "portal", "admin"),
    [
        ("Сварщик", "svarshchik", "svarshhik"),
        ("Хабаровский край", "khabarovskii-krai", "xabarovskij-kraj"),
        ("Электромонтёр по ремонту", "elektromonter-po-remontu", "elektromontyor-po-remontu"),
        ("Объём работ — «щука»", "obem-rabot-shchuka", "obyom-rabot-shhuka"),
    ],
)
def test_the_portals_scheme_and_the_one_wagtails_admin_proposes(title, portal, admin):
    assert (slug_for(title), wagtail_admin_slug(title)) == (portal, admin)


def create_in_the_admin(client, home, title, slug):
    response = client.post(
        reverse("wagtailadmin_pages:add", args=("home", "contentpage", home.pk)),
        nested_form_data(
            {"title": title, "slug": slug, "summary": "", "easy_read_summary": "", "tags": "", "body": streamfield([])}
        ),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    return ContentPage.objects.get(title=title)


def test_a_page_made_in_the_admin_gets_the_portals_scheme_unless_the_editor_wrote_another(admin_client, db):
    home, _english = make_site_tree()
    proposed = create_in_the_admin(admin_client, home, "Профессии будущего", "professii-budushhego")
    assert proposed.slug == "professii-budushchego"
    chosen = create_in_the_admin(admin_client, home, "Щедрые работодатели", "shchedrye")
    assert chosen.slug == "shchedrye"


def edit_in_the_admin(client, page, slug):
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=(page.pk,)),
        nested_form_data(
            {
                "title": page.title,
                "slug": slug,
                "summary": "",
                "easy_read_summary": "",
                "tags": "",
                "body": streamfield([]),
            }
        ),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    return ContentPage.objects.get(pk=page.pk).get_latest_revision_as_object().slug


def test_a_drafts_slug_follows_the_scheme_but_a_published_pages_address_is_never_changed(admin_client, db):
    home, _english = make_site_tree()
    draft = ContentPageFactory(parent=home, title="Хабаровский край", live=False)
    assert edit_in_the_admin(admin_client, draft, "xabarovskij-kraj") == "khabarovskii-krai"
    published = ContentPageFactory(parent=home, title="Хабаровск", slug="xabarovsk")
    published.save_revision().publish()
    assert edit_in_the_admin(admin_client, published, "xabarovsk") == "xabarovsk"


def test_a_slug_written_in_code_is_kept_whatever_its_scheme(db):
    """Pages made in code (an import, a test) keep the slug given, in whatever scheme; the seeds' own follow the
    portal's (test_slugs_seeded)."""
    home, _english = make_site_tree()
    assert ContentPageFactory(parent=home, title="Родителям", slug="roditelyam").slug == "roditelyam"


def test_the_older_seeds_addresses_move_to_the_portals_scheme_and_the_old_ones_redirect(client, db):
    """portal migration 0011 on a site built before it: the page, its children, its revisions, a redirect each."""
    from importlib import import_module

    from django.apps import apps
    from wagtail.contrib.redirects.models import Redirect

    migration = import_module("portal.migrations.0011_one_transliteration")
    home, _english = make_site_tree()
    fairs = ContentPageFactory(parent=home, title="Ярмарки вакансий", slug="yarmarki-vakansiy")
    autumn = ContentPageFactory(parent=fairs, title="Осенняя ярмарка", slug="yarmarka-vakansiy-osen")
    rules = ContentPageFactory(parent=autumn, title="Правила участия", slug="pravila")
    for page in (fairs, autumn, rules):
        page.save_revision().publish()
    migration.rename(apps, None)

    rules.refresh_from_db()
    assert rules.url_path.endswith("/iarmarki-vakansii/iarmarka-vakansii-osen/pravila/")
    assert client.get("/iarmarki-vakansii/iarmarka-vakansii-osen/pravila/").status_code == 200
    answer = client.get("/yarmarki-vakansiy/yarmarka-vakansiy-osen/pravila/")
    assert (answer.status_code, answer["Location"]) == (301, "/iarmarki-vakansii/iarmarka-vakansii-osen/pravila/")
    assert client.get("/yarmarki-vakansiy/")["Location"] == "/iarmarki-vakansii/"
    assert Redirect.objects.count() == 3
    # Publishing the latest revision again keeps the new address.
    autumn = ContentPage.objects.get(pk=autumn.pk)
    autumn.get_latest_revision().publish()
    assert ContentPage.objects.get(pk=autumn.pk).slug == "iarmarka-vakansii-osen"
