"""The bodies' contacts from the site settings: the seed writes only what is confirmed (the names), the footer and the
contacts page show the rest as «to be confirmed» until an editor fills it in, and the pages are in the site map."""

import pytest

from feedback.seed import BODY_NAMES, Seeder
from portal.models import PortalSettings
from portal.tests.helpers import assert_few_constant_queries

pytestmark = pytest.mark.django_db
TBC = "уточняется"


def portal_settings(page):
    return PortalSettings.objects.get(site=page.get_site())


def test_the_seed_writes_the_confirmed_names_and_nothing_invented(feedback_pages):
    chosen = portal_settings(feedback_pages["contacts"])
    for prefix, (name_ru, name_en) in BODY_NAMES.items():
        assert (getattr(chosen, f"{prefix}_name_ru"), getattr(chosen, f"{prefix}_name_en")) == (name_ru, name_en)
        for field in ("address_ru", "address_en", "phone", "email", "website"):
            assert getattr(chosen, f"{prefix}_{field}") == "", f"{prefix}_{field}"
    assert (chosen.ministry_vk, chosen.ministry_telegram, chosen.iro_vk, chosen.iro_telegram) == ("", "", "", "")
    assert (chosen.contacts_page_id, chosen.feedback_page_id) == (
        feedback_pages["contacts"].pk,
        feedback_pages["form"].pk,
    )
    assert (feedback_pages["contacts"].url, feedback_pages["contacts_en"].url) == ("/kontakty/", "/en/contacts/")
    assert (feedback_pages["form"].url, feedback_pages["form_en"].url) == ("/obratnaia-sviaz/", "/en/feedback/")


def test_the_seed_is_idempotent_and_keeps_what_an_editor_wrote(feedback_pages):
    chosen = portal_settings(feedback_pages["contacts"])
    chosen.ministry_name_ru = "Минобрнауки края"
    chosen.save()
    assert Seeder().run() == 0
    assert PortalSettings.objects.get().ministry_name_ru == "Минобрнауки края"


def test_the_contacts_page_shows_the_names_and_to_be_confirmed_for_each_empty_contact(client, feedback_pages):
    page = client.get("/kontakty/").content.decode()
    for name_ru, _name_en in BODY_NAMES.values():
        assert name_ru.replace("«", "&laquo;") in page or name_ru in page
    main = page.split('<main id="main"', 1)[1].split("</main>", 1)[0]
    assert main.count(TBC) == 3 * 4  # address, phone, e-mail, website of each body
    english = client.get("/en/contacts/").content.decode()
    assert all(name_en in english for _name_ru, name_en in BODY_NAMES.values())


def test_a_filled_contact_replaces_to_be_confirmed_in_the_footer_and_on_the_page(
    client, feedback_pages, django_capture_on_commit_callbacks
):
    chosen = portal_settings(feedback_pages["contacts"])
    chosen.iro_phone = "+7 (4212) 00-00-00"
    chosen.iro_email = "iro@example.ru"
    chosen.iro_vk = "https://vk.com/example_iro"
    chosen.iro_address_ru = "г. Хабаровск"
    with django_capture_on_commit_callbacks(execute=True):
        chosen.save()
    page = client.get("/kontakty/").content.decode()
    main = page.split('<main id="main"', 1)[1].split("</main>", 1)[0]
    assert main.count(TBC) == 3 * 4 - 3  # address, phone and e-mail filled in; the website not
    assert 'href="tel:+74212000000"' in main and 'href="mailto:iro@example.ru"' in main
    footer = page.split('<footer class="site-footer">', 1)[1]
    # The footer: each body's phone and e-mail, «to be confirmed» where empty; the social link named with its body.
    assert footer.count(TBC) == 3 * 2 - 2
    assert 'href="tel:+74212000000"' in footer
    assert '<a href="https://vk.com/example_iro" rel="noopener">ВКонтакте<span class="visually-hidden">: ' in footer
    assert "Telegram" not in footer  # only the links filled in


def test_every_page_links_the_contacts_the_feedback_form_and_the_report_with_its_own_address(client, feedback_pages):
    page = client.get("/").content.decode()
    footer = page.split('<footer class="site-footer">', 1)[1]
    assert 'href="/kontakty/"' in footer and 'href="/obratnaia-sviaz/"' in footer
    assert 'href="/obratnaia-sviaz/?page=/"' in footer
    assert 'data-report-url="/feedback/mistake/"' in footer and "feedback/error-report.js" in page
    for name_ru, _name_en in BODY_NAMES.values():
        assert name_ru.replace("«", "&laquo;").replace("»", "&raquo;") in footer or name_ru in footer
    english = client.get("/en/contacts/").content.decode().split('<footer class="site-footer">', 1)[1]
    assert 'href="/en/contacts/"' in english and 'href="/en/feedback/?page=/en/contacts/"' in english
    assert BODY_NAMES["ministry"][1] in english


def test_the_site_map_lists_the_contacts_and_the_feedback_form(client, feedback_pages):
    site_map = client.get("/sitemap/").content.decode()
    assert 'href="/kontakty/"' in site_map and 'href="/obratnaia-sviaz/"' in site_map
    assert 'href="/en/contacts/"' in client.get("/en/sitemap/").content.decode()


def test_the_contacts_page_costs_few_queries_whatever_is_filled_in(
    client, feedback_pages, django_capture_on_commit_callbacks
):
    def fill():
        chosen = portal_settings(feedback_pages["contacts"])
        for prefix in BODY_NAMES:
            setattr(chosen, f"{prefix}_phone", "+7 4212 00-00-01")
            setattr(chosen, f"{prefix}_website", "https://example.ru/")
        chosen.ministry_telegram = "https://t.me/example"
        with django_capture_on_commit_callbacks(execute=True):  # the content version moves, as on the site
            chosen.save()

    counts = assert_few_constant_queries(client, ["/kontakty/", "/en/contacts/", "/obratnaia-sviaz/"], fill)
    print("queries", counts)
