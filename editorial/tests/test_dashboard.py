"""The dashboard on the admin's home screen: each item's count on rows made here, its link opening the list of
exactly those rows, who sees which item, the Russian numbers, and a cost that does not grow with the data."""

import datetime
import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.files.base import ContentFile
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.contrib.search_promotions.models import Query
from wagtail.documents import get_document_model
from wagtail.models import Locale, Page, Workflow
from wagtail_localize.models import Translation, TranslationLog, TranslationSource

from atlas.factories import OrganisationFactory, ProfessionPageFactory
from atlas.models import OpenDay
from editorial import attention
from editorial.models import LinkCheck
from home.roles import MODERATORS, ensure_editorial_roles
from opportunities.tests.conftest import make_opportunity
from portal.models import DocumentCheck, ImportJob
from portal.tests.helpers import assert_few_constant_queries
from search.models import UnansweredQuery
from vacancies.tests.conftest import make_vacancy

pytestmark = pytest.mark.django_db

HOME = "/admin/"


def days(n):
    return timezone.localdate() + datetime.timedelta(days=n)


def panel_counts(client):
    """{item key: count} as the home screen shows them."""
    html = client.get(HOME).content.decode()
    found = re.findall(r'data-item="([\w-]+)">\s*<a href="([^"]+)"><strong[^>]*>([^<]+)</strong>', html)
    return {key: (int(count.replace("\xa0", "")), url) for key, url, count in found}


def listed(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_the_atlas_items_count_the_cards_and_list_exactly_them(client, editor, atlas_cards):
    welder, fitter, nurse = atlas_cards["welder"], atlas_cards["fitter"], atlas_cards["nurse"]
    welder.needs_verification = "employers, outlook"
    welder.salary_source = "Росстат, 2025"
    welder.salary_date = days(-30)
    welder.save_revision().publish()
    fitter.salary_source = ""  # the factory's salary, with no source, dated 2025-01-01: unsourced and stale
    fitter.save_revision().publish()
    nurse.salary_source = "hh.ru"
    nurse.salary_date = None  # undated: nobody knows its age
    nurse.save_revision().publish()
    client.force_login(editor)
    counts = panel_counts(client)
    assert counts["cards-unconfirmed"][0] == 1
    assert counts["cards-unsourced-salary"][0] == 1
    assert counts["cards-stale-salary"][0] == 2
    page = listed(client, counts["cards-unconfirmed"][1])
    assert "Сварщик" in page and "Слесарь-сборщик" not in page and "Медицинская сестра" not in page
    page = listed(client, counts["cards-unsourced-salary"][1])
    assert "Слесарь-сборщик" in page and "Сварщик" not in page
    page = listed(client, counts["cards-stale-salary"][1])
    assert "Слесарь-сборщик" in page and "Медицинская сестра" in page and "Сварщик" not in page
    assert reverse("wagtailadmin_pages:edit", args=[fitter.pk]) in page
    # The share of unsourced salaries among the cards with one, the Russian way.
    home = client.get(HOME).content.decode()
    assert "из 3 карточек с зарплатой (33,3\xa0%)" in home or "из 3 карточек с зарплатой (33,3&nbsp;%)" in home


def test_moderation_counts_the_waiting_pages_and_the_oldest_wait(client, editor, atlas_cards):
    ensure_editorial_roles()
    workflow = Workflow.objects.get(name="Модерация")
    for card in atlas_cards["welder"], atlas_cards["nurse"]:
        card.save_revision(user=editor)
        state = workflow.start(card, editor)
    type(state).objects.filter(pk=state.pk).update(created_at=timezone.now() - datetime.timedelta(days=3, hours=1))
    client.force_login(editor)
    counts = panel_counts(client)
    assert counts["moderation"][0] == 2
    assert "самая давняя ждёт 3" in client.get(HOME).content.decode()
    page = listed(client, counts["moderation"][1])
    assert "Сварщик" in page and "Медицинская сестра" in page and "Слесарь-сборщик" not in page


def test_outdated_translations_are_those_whose_source_changed_after_the_last_sync(client, editor, atlas_cards):
    english = Locale.objects.get(language_code="en")
    for card in atlas_cards["welder"], atlas_cards["nurse"]:
        source, _created = TranslationSource.get_or_create_from_instance(card)
        Translation.objects.create(source=source, target_locale=english)
        TranslationLog.objects.create(source=source, locale=english)
    client.force_login(editor)
    assert panel_counts(client)["translations"][0] == 0
    source = TranslationSource.objects.get(object_repr="Сварщик")
    TranslationSource.objects.filter(pk=source.pk).update(
        last_updated_at=timezone.now() + datetime.timedelta(minutes=1)
    )
    counts = panel_counts(client)
    assert counts["translations"][0] == 1
    page = listed(client, counts["translations"][1])
    assert "Сварщик" in page and "Медицинская сестра" not in page


def test_expired_listings_and_past_open_days(client, editor, make_organisation, atlas_cards):
    organisation = make_organisation("Судостроительный завод")
    old = make_opportunity(
        organisation, slots=((-3, 5),), title="Экскурсия в прошлом", district=atlas_cards["amur"], reindex=False
    )
    make_opportunity(
        organisation, slots=((5, 5),), title="Экскурсия впереди", district=atlas_cards["amur"], reindex=False
    )
    make_vacancy(organisation, title="Сварщик, срок вышел", valid_until=days(-1), reindex=False)
    make_vacancy(organisation, title="Сварщик, действует", reindex=False)
    college = OrganisationFactory(name="Хабаровский технический колледж")
    OpenDay.objects.create(organisation=college, date=days(-10), place="Актовый зал")
    OpenDay.objects.create(organisation=college, date=days(10), place="Онлайн")
    client.force_login(editor)
    counts = panel_counts(client)
    assert (counts["opportunities"][0], counts["vacancies"][0], counts["open-days"][0]) == (1, 1, 1)
    page = listed(client, counts["opportunities"][1])
    assert old.title in page and "Экскурсия впереди" not in page
    page = listed(client, counts["vacancies"][1])
    assert "Сварщик, срок вышел" in page and "Сварщик, действует" not in page
    page = listed(client, counts["open-days"][1])
    assert "Актовый зал" in page and "Онлайн" not in page


def test_searches_imports_documents_and_links(client, editor, site_tree, tmp_path, settings):
    settings.MEDIA_ROOT = str(tmp_path)
    for text, asked in (("сварщик вахта", days(-2)), ("космонавт", days(-20))):
        unanswered = UnansweredQuery.objects.create(query=Query.get(text), hits=4)
        UnansweredQuery.objects.filter(pk=unanswered.pk).update(last_asked=asked)
    jobs = {
        stage: ImportJob.objects.create(
            importer=f"atlas.exchange.{stage}",
            permission="atlas.change_professionpage",
            title=f"Импорт {stage}",
            filename=f"{stage}.xlsx",
            content=b"",
            stage=stage,
            active=stage in ("checking", "writing"),
        )
        for stage in ("checking", "failed", "written")
    }
    Document = get_document_model()
    kept = Document.objects.create(title="Положение о конкурсе", file=ContentFile(b"%PDF", name="polozhenie.pdf"))
    lost = Document.objects.create(title="Утерянный буклет", file=ContentFile(b"%PDF", name="buklet.pdf"))
    lost.file.storage.delete(lost.file.name)
    failing = Document.objects.create(title="Памятка без тегов", file=ContentFile(b"%PDF", name="pamyatka.pdf"))
    rules = [{"rule": "7.4.2-1", "description": "Heading levels skip", "checks": 1, "messages": []}]
    DocumentCheck.objects.create(document=failing, compliant=False, failures=rules, checked_at=timezone.now())
    DocumentCheck.objects.create(document=kept, compliant=True, checked_at=timezone.now())
    home = site_tree[0]
    LinkCheck.objects.create(
        url="https://example.org/gone", page=home, status=404, broken=True, checked_at=timezone.now()
    )
    LinkCheck.objects.create(url="https://example.org/fine", page=home, status=200, checked_at=timezone.now())
    client.force_login(editor)
    counts = panel_counts(client)
    assert (counts["searches"][0], counts["imports"][0], counts["documents"][0], counts["links"][0]) == (1, 2, 1, 1)
    assert counts["inaccessible-documents"][0] == 1
    page = listed(client, counts["inaccessible-documents"][1])
    assert failing.title in page and "7.4.2-1" in page and kept.title not in page
    page = listed(client, counts["searches"][1])
    assert "сварщик вахта" in page and "космонавт" not in page
    page = listed(client, counts["imports"][1])
    assert "checking.xlsx" in page and "failed.xlsx" in page and "written.xlsx" not in page
    page = listed(client, counts["documents"][1])
    assert lost.title in page and kept.title not in page
    page = listed(client, counts["links"][1])
    assert "https://example.org/gone" in page and "https://example.org/fine" not in page
    assert jobs


def test_a_moderator_sees_the_pages_items_only_and_cannot_open_another_apps_list(client, atlas_cards):
    ensure_editorial_roles()
    moderator = get_user_model().objects.create_user("moderator", "m@example.ru", "Moderator-pass-2026")
    moderator.groups.add(Group.objects.get(name=MODERATORS))
    client.force_login(moderator)
    counts = panel_counts(client)
    assert {"cards-unconfirmed", "moderation", "translations", "links", "searches"} <= set(counts)
    assert "vacancies" not in counts and "opportunities" not in counts
    assert client.get(reverse("editorial_vacancies")).status_code in (302, 403)
    # Given the right to edit vacancies, the item and its list appear.
    moderator.user_permissions.add(Permission.objects.get(codename="change_vacancy"))
    moderator = get_user_model().objects.get(pk=moderator.pk)
    client.force_login(moderator)
    assert "vacancies" in panel_counts(client)
    assert client.get(reverse("editorial_vacancies")).status_code == 200


def test_the_counts_are_russian_numbers():
    rows = [
        {"item": attention.BY_KEY["searches"], "count": 12345, "detail": None, "url": "/x/"},
        {
            "item": attention.BY_KEY["cards-unsourced-salary"],
            "count": 59,
            "detail": {"of": 60, "share": 59 / 60 * 100},
            "url": "/y/",
        },
    ]
    with translation.override("ru"):
        html = render_to_string("editorial/attention_panel.html", {"rows": rows, "heading": "Внимание"})
    assert "12\xa0345" in html
    assert "98,3&nbsp;%" in html


def panel_queries(user):
    """The queries the panel's items cost (the documents' storage is asked too, but that is no query)."""
    with CaptureQueriesContext(connection) as queries:
        attention.for_user(user)
    return len(queries)


def test_the_home_screen_costs_the_same_with_more_rows(
    client, editor, make_organisation, atlas_cards, settings, tmp_path
):
    settings.MEDIA_ROOT = str(tmp_path)
    client.force_login(editor)
    organisation = make_organisation("Судостроительный завод")
    college = OrganisationFactory(name="Хабаровский технический колледж")
    ensure_editorial_roles()
    workflow = Workflow.objects.get(name="Модерация")

    numbers = iter(range(100))

    def grow(moderate=True):
        for n in (next(numbers), next(numbers)):
            card = ProfessionPageFactory(
                parent=atlas_cards["atlas"], title=f"Ещё профессия {n}", needs_verification="outlook"
            )
            if moderate:  # Wagtail's own «Awaiting your review» panel costs queries per page it lists
                card.save_revision(user=editor)
                workflow.start(card, editor)
            ImportJob.objects.create(
                importer=f"atlas.exchange.n{n}",
                permission="atlas.change_professionpage",
                title=f"Импорт {n}",
                filename=f"{n}.xlsx",
                content=b"",
                stage="failed",
                active=False,
            )
            lost = get_document_model().objects.create(title=f"Пропал {n}", file=ContentFile(b"x", name=f"p{n}.pdf"))
            lost.file.storage.delete(lost.file.name)
            make_opportunity(organisation, slots=((-3, 5),), district=atlas_cards["amur"], reindex=False)
            make_vacancy(organisation, valid_until=days(-1), reindex=False)
            OpenDay.objects.create(organisation=college, date=days(-n - 1))
            UnansweredQuery.objects.create(query=Query.get(f"запрос {n}"), hits=1)
            LinkCheck.objects.create(
                url=f"https://example.org/{n}", page=atlas_cards["welder"], broken=True, checked_at=timezone.now()
            )
            get_document_model().objects.create(title=f"Документ {n}", file=ContentFile(b"x", name=f"d{n}.pdf"))

    lists = [reverse(item.url_name) for item in attention.ITEMS]
    grow()  # every list has rows: an empty one skips its count
    panel_before = panel_queries(editor)
    home = assert_few_constant_queries(client, [HOME], lambda: grow(moderate=False), most={HOME: 45})
    counts = assert_few_constant_queries(client, lists, grow, most=dict.fromkeys(lists, 15))
    assert panel_queries(editor) == panel_before
    print("queries: the panel", panel_before, home, counts)
    assert Page.objects.filter(title__startswith="Ещё профессия").count() == 6
