"""The atlas import respects the editorial workflow: it runs with the rights of the person who imports. Someone who
may edit the atlas but not publish there imports drafts that go to «Модерация»; someone who may publish
publishes; every revision and log entry names them; an editor of «Редакторы» cannot open the import at all."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.models import GroupPagePermission, PageLogEntry, Revision, WorkflowState

from atlas.factories import EmployerFactory, SectorFactory
from atlas.models import Employer, MunicipalDistrict, ProfessionPage
from home.roles import EDITORS, WORKFLOW_NAME, ensure_editorial_roles
from portal.models import ImportJob
from portal.tests.helpers import admin_import, run_worker

URL = "/admin/atlas/import/"
HEADER = "slug;title;sector;education_level;klimov_type;demand_level;salary_min;salary_max;summary"
FIRST = "tokar;Токарь;Авиастроение;spo;technique;medium;50000;65000;Точит детали"
SECOND = [
    "svarshchik;Сварщик;Авиастроение;spo;technique;high;45000;70000;Сваривает конструкции",
    "tokar;Токарь;Авиастроение;spo;technique;medium;58000;80000;Точит детали на станках с ЧПУ",
]


def csv_file(*lines):
    return SimpleUploadedFile("professions.csv", ("\n".join([HEADER, *lines]) + "\n").encode())


@pytest.fixture
def atlas_with_a_card(atlas):
    """The moderation workflow on the whole tree, as the seed sets it up, and one live card imported earlier."""
    ensure_editorial_roles()
    SectorFactory(name="Авиастроение")
    MunicipalDistrict.objects.create(locale_id=atlas.locale_id, name="Амурский район", slug="amurskii")
    from atlas.exchange import run_import

    content = ("\n".join([HEADER, FIRST]) + "\n").encode()
    assert run_import(content, "p.csv", {"kind": "professions"}, dry_run=False).written
    return atlas


def atlas_importer(django_user_model, atlas, name, page_permissions, *model_permissions):
    """A user with the admin, the given permissions on atlas models and the given page permissions on the atlas."""
    user = django_user_model.objects.create_user(name, password="pw-Хабаровск-2026")
    group = Group.objects.create(name=f"import-{name}")
    group.permissions.set(
        Permission.objects.filter(
            codename__in=["access_admin", *model_permissions], content_type__app_label__in=["wagtailadmin", "atlas"]
        )
    )
    for codename in page_permissions:
        GroupPagePermission.objects.create(
            group=group,
            page=atlas,
            permission=Permission.objects.get(content_type__app_label="wagtailcore", codename=codename),
        )
    user.groups.add(group)
    return user


def test_an_importer_who_may_not_publish_imports_drafts_into_moderation(
    client, atlas_with_a_card, django_user_model, django_capture_on_commit_callbacks
):
    importer = atlas_importer(
        django_user_model, atlas_with_a_card, "importer", ["add_page", "change_page"], "add_employer"
    )
    turner = ProfessionPage.objects.get(slug="tokar")
    live_revision, published = turner.live_revision_id, PageLogEntry.objects.filter(action="wagtail.publish").count()
    revisions_before = set(Revision.objects.values_list("pk", flat=True))
    logs_before = set(PageLogEntry.objects.values_list("pk", flat=True))
    client.force_login(importer)

    with django_capture_on_commit_callbacks(execute=True):
        page = admin_import(client, URL, {"kind": "professions", "file": csv_file(*SECOND)}, write=True)
    html = page.content.decode()
    assert "Записано" in html and "на модерацию" in html, html

    welder = ProfessionPage.objects.get(slug="svarshchik")
    turner.refresh_from_db()
    assert not welder.live and welder.has_unpublished_changes
    assert (turner.live, turner.live_revision_id, turner.salary_min, turner.summary) == (
        True,
        live_revision,
        50_000,
        "Точит детали",
    )
    assert turner.has_unpublished_changes and turner.get_latest_revision_as_object().salary_min == 58_000
    assert PageLogEntry.objects.filter(action="wagtail.publish").count() == published  # nothing published
    for card in (welder, turner):
        state = WorkflowState.objects.get(object_id=str(card.pk), status=WorkflowState.STATUS_IN_PROGRESS)
        assert state.workflow.name == WORKFLOW_NAME and state.requested_by == importer
    new_revisions = Revision.objects.exclude(pk__in=revisions_before)
    new_logs = PageLogEntry.objects.exclude(pk__in=logs_before)
    assert new_revisions.count() == 2 and {revision.user for revision in new_revisions} == {importer}
    assert {"wagtail.create", "wagtail.edit", "wagtail.workflow.start"} <= set(
        new_logs.values_list("action", flat=True)
    )
    assert {log.user for log in new_logs} == {importer}, [(log.action, log.user) for log in new_logs]

    # Visitors see the live card as it was; the draft's words are not searchable; the new card is not there.
    client.logout()
    assert "Точит детали на станках" not in client.get(turner.url).content.decode()
    assert client.get(atlas_with_a_card.url + "svarshchik/").status_code == 404
    assert not ProfessionPage.objects.live().search("ЧПУ")

    # The same file again changes nothing: the drafts are its base, not the live cards.
    client.force_login(importer)
    again = admin_import(client, URL, {"kind": "professions", "file": csv_file(*SECOND)}, write=True)
    assert "без изменений: 2" in again.content.decode()
    assert Revision.objects.exclude(pk__in=revisions_before).count() == 2


def test_an_importer_who_may_publish_publishes_in_their_name(client, atlas_with_a_card, django_user_model):
    drafting = atlas_importer(
        django_user_model, atlas_with_a_card, "drafting", ["add_page", "change_page"], "add_sector"
    )
    client.force_login(drafting)
    admin_import(client, URL, {"kind": "professions", "file": csv_file(SECOND[1])}, write=True)
    turner = ProfessionPage.objects.get(slug="tokar")
    in_moderation = WorkflowState.objects.get(object_id=str(turner.pk), status=WorkflowState.STATUS_IN_PROGRESS)

    publisher = atlas_importer(
        django_user_model, atlas_with_a_card, "publisher", ["add_page", "change_page", "publish_page"], "add_employer"
    )
    client.force_login(publisher)
    page = admin_import(client, URL, {"kind": "professions", "file": csv_file(*SECOND)}, write=True)
    assert "на модерацию" not in page.content.decode()
    welder = ProfessionPage.objects.get(slug="svarshchik")
    turner.refresh_from_db()
    assert welder.live and not welder.has_unpublished_changes
    assert turner.live and not turner.has_unpublished_changes and turner.salary_min == 58_000
    for card in (welder, turner):
        assert card.live_revision.user == publisher
        assert (
            PageLogEntry.objects.get(page=card, revision=card.live_revision, action="wagtail.publish").user == publisher
        )
    in_moderation.refresh_from_db()
    assert in_moderation.status == WorkflowState.STATUS_CANCELLED  # published over it, as Wagtail's publish does
    assert client.get(turner.url).status_code == 200


def test_an_editor_cannot_open_the_import_screens(client, atlas_with_a_card, django_user_model):
    editor = django_user_model.objects.create_user("redaktor", password="pw-Хабаровск-2026")
    editor.groups.add(Group.objects.get(name=EDITORS))
    assert atlas_with_a_card.permissions_for_user(editor).can_edit()  # an editor of pages, the atlas's too
    client.force_login(editor)
    for url in (
        URL,
        "/admin/atlas/import/template/professions/",
        "/admin/atlas/import/template/employers/?data=1",
        "/admin/monitoring/import/",
        "/admin/monitoring/import/template/",
    ):
        # Wagtail's refusal: back to the dashboard with its message (403 for a script's request).
        refused = client.get(url, follow=True)
        assert refused.redirect_chain == [("/admin/", 302)], url
        assert "у вас нет доступа в эту область" in refused.content.decode(), url
        assert client.get(url, headers={"x-requested-with": "XMLHttpRequest"}).status_code == 403, url
    assert client.post(URL, {"kind": "professions", "file": csv_file(*SECOND)}).status_code == 302
    assert not ImportJob.objects.exists()
    dashboard = client.get("/admin/").content.decode()
    assert "Импорт в атлас" not in dashboard and "/admin/monitoring/import/" not in dashboard


def test_reference_data_needs_the_add_or_change_permission_of_its_model(client, atlas_with_a_card, django_user_model):
    EmployerFactory(name="КнААЗ", slug="knaaz", city="Комсомольск-на-Амуре")
    adder = atlas_importer(django_user_model, atlas_with_a_card, "adder", [], "add_employer")
    client.force_login(adder)
    upload = SimpleUploadedFile(
        "employers.csv", "slug;name;city\nknaaz;КнААЗ;Хабаровск\namz;Амурский завод;Амурск\n".encode()
    )
    html = admin_import(client, URL, {"kind": "employers", "file": upload}, write=True).content.decode()
    assert "Вы не можете изменять раздел «работодатели»" in html
    assert Employer.objects.get(slug="knaaz").city == "Комсомольск-на-Амуре" and not Employer.objects.filter(slug="amz")
    # The kinds offered are those the user may import: profession cards need page permissions on the atlas too.
    form = client.get(URL).context["form"]
    assert [kind for kind, _label in form.fields["kind"].choices] == ["employers"]
    assert client.post(URL, {"kind": "professions", "file": csv_file(*SECOND)}).status_code == 200  # refused choice
    assert not ImportJob.objects.filter(options__kind="professions").exists()

    new_only = SimpleUploadedFile("employers.csv", "slug;name;city\namz;Амурский завод;Амурск\n".encode())
    admin_import(client, URL, {"kind": "employers", "file": new_only}, write=True)
    employer = Employer.objects.get(slug="amz")
    from wagtail.models import ModelLogEntry

    entry = ModelLogEntry.objects.get(object_id=str(employer.pk), action="wagtail.create")
    assert entry.user == adder


def test_only_the_uploader_writes_a_checked_file(client, atlas_with_a_card, django_user_model):
    first = atlas_importer(django_user_model, atlas_with_a_card, "first", ["add_page", "change_page"], "add_employer")
    second = atlas_importer(django_user_model, atlas_with_a_card, "second", ["add_page", "change_page"], "add_employer")
    client.force_login(first)
    client.post(URL, {"kind": "professions", "file": csv_file(*SECOND)})
    run_worker()
    job = ImportJob.objects.get()
    client.force_login(second)
    html = client.get(f"/admin/imports/{job.pk}/").content.decode()
    assert f"/admin/imports/{job.pk}/write/" not in html and "Записать данные может только first" in html
    assert client.post(f"/admin/imports/{job.pk}/write/").status_code == 302  # Wagtail's refusal
    job.refresh_from_db()
    assert job.stage == "checked"


def test_an_import_whose_uploader_was_blocked_writes_nothing(client, atlas_with_a_card, django_user_model):
    importer = atlas_importer(
        django_user_model, atlas_with_a_card, "blocked", ["add_page", "change_page"], "add_employer"
    )
    client.force_login(importer)
    client.post(URL, {"kind": "professions", "file": csv_file(*SECOND)})
    importer.is_active = False
    importer.save()
    run_worker()
    job = ImportJob.objects.get()
    assert job.stage == "checked" and not job.report["ok"] and not ProfessionPage.objects.filter(slug="svarshchik")
