"""What editors see in the admin: the mistake reports (read and delete, never add or edit), the feedback form's
submissions under Forms, and the bodies' contacts in the site settings."""

import pytest
from django.contrib.auth.models import Group

from feedback.models import ErrorReport
from home.roles import EDITORS, ensure_editorial_roles
from portal.models import PortalSettings

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed_in_editor(client, editor, feedback_pages):
    ensure_editorial_roles()
    editor.groups.set([Group.objects.get(name=EDITORS)])
    client.force_login(editor)
    return client


def test_an_editor_reads_and_deletes_mistake_reports_but_cannot_add_or_edit_them(signed_in_editor):
    report = ErrorReport.objects.create(page_address="/kontakty/", selected_text="Минобразования", language="ru")
    listing = signed_in_editor.get("/admin/feedback/mistakes/")
    assert listing.status_code == 200 and "Минобразования" in listing.content.decode()
    inspect = signed_in_editor.get(f"/admin/feedback/mistakes/inspect/{report.pk}/")
    assert inspect.status_code == 200 and "/kontakty/" in inspect.content.decode()
    assert signed_in_editor.get("/admin/feedback/mistakes/new/").status_code in (302, 403)
    assert signed_in_editor.get(f"/admin/feedback/mistakes/edit/{report.pk}/").status_code in (302, 403)
    signed_in_editor.post(f"/admin/feedback/mistakes/delete/{report.pk}/")
    assert not ErrorReport.objects.exists()


def test_an_editor_sees_the_form_submissions(signed_in_editor, feedback_pages):
    form = feedback_pages["form"]
    form.get_submission_class().objects.create(page=form, form_data={"vashe_soobshchenie": "Опечатка в меню"})
    response = signed_in_editor.get(f"/admin/forms/submissions/{form.pk}/")
    assert response.status_code == 200 and "Опечатка в меню" in response.content.decode()


def test_the_settings_show_the_bodies_contacts_to_an_administrator(client, django_user_model, feedback_pages):
    admin = django_user_model.objects.create_superuser("root", "root@portal.example.ru", "Root-Pass-2026")
    client.force_login(admin)
    site = feedback_pages["contacts"].get_site()
    response = client.get(f"/admin/settings/portal/portalsettings/{site.pk}/")
    assert response.status_code == 200
    page = response.content.decode()
    assert 'name="ministry_phone"' in page and 'name="iro_telegram"' in page and 'name="centre_website"' in page
    assert PortalSettings.objects.get(site=site).ministry_name_ru in page
