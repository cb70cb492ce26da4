"""Sign-in lockouts (django-axes, portal.lockouts): wrong passwords in a row lock the account from every address
and the address for every account, on the admin's sign-in and the teachers' sign-in alike, with the portal's
page in the visitor's language; an administrator unlocks them in the admin."""

import base64

import pytest
from axes.models import AccessAttempt, AccessLog
from django.contrib.auth.models import Permission

from portal.client_address import trusted_networks

PASSWORD = "Right-password-42"
SCHOOL = "203.0.113.10"
ELSEWHERE = "198.51.100.20"


@pytest.fixture
def teacher(django_user_model, site_tree):
    return django_user_model.objects.create_user("teacher", password=PASSWORD)


@pytest.fixture
def admin(django_user_model, site_tree):
    return django_user_model.objects.create_superuser("chief", password=PASSWORD)


def sign_in(client, username, password, address=SCHOOL, path="/_util/login/", **headers):
    return client.post(path, {"username": username, "password": password, "next": "/"}, REMOTE_ADDR=address, **headers)


def fail(client, username, times, address=SCHOOL, path="/_util/login/"):
    return [sign_in(client, username, "wrong", address, path).status_code for _ in range(times)]


def test_wrong_passwords_lock_the_admin_sign_in_even_for_the_right_password(client, admin, settings):
    assert settings.AXES_FAILURE_LIMIT == 5
    assert fail(client, "chief", 5, path="/admin/login/") == [200] * 4 + [429]
    locked = sign_in(client, "chief", PASSWORD, path="/admin/login/")
    assert locked.status_code == 429
    page = locked.content.decode()
    assert "Вход временно заблокирован" in page and "Попробуйте снова через 30 минут." in page
    assert client.get("/admin/").status_code == 302  # not signed in


def test_the_account_is_locked_from_every_address(client, teacher):
    fail(client, "teacher", 5)
    assert sign_in(client, "teacher", PASSWORD, address=ELSEWHERE).status_code == 429


def test_the_address_is_locked_for_every_account(client, teacher, admin):
    fail(client, "teacher", 5)
    assert sign_in(client, "chief", PASSWORD).status_code == 429
    assert sign_in(client, "chief", PASSWORD, address=ELSEWHERE).status_code == 302  # elsewhere, it signs in


def test_a_successful_sign_in_clears_the_failures_of_its_account_and_address(client, teacher):
    """Teachers of one school share an address: only failures in a row lock it."""
    fail(client, "teacher", 4)
    assert sign_in(client, "teacher", PASSWORD).status_code == 302
    client.logout()
    assert fail(client, "teacher", 4) == [200] * 4
    assert sign_in(client, "teacher", PASSWORD).status_code == 302


def test_the_teachers_sign_in_is_locked_too_with_an_english_page_under_en(client, teacher):
    assert fail(client, "teacher", 5, path="/en/_util/login/")[-1] == 429
    locked = sign_in(client, "teacher", PASSWORD, path="/en/_util/login/")
    assert locked.status_code == 429
    page = locked.content.decode()
    assert '<html lang="en"' in page and "Signing in is locked for a while" in page and "30 minutes" in page
    assert not AccessLog.objects.exists()  # successful sign-ins are not logged with their addresses


def test_an_administrator_unlocks_an_account_in_the_admin(client, teacher, admin):
    fail(client, "teacher", 5)
    staff = client.__class__()
    staff.force_login(admin)
    screen = staff.get("/admin/lockouts/")
    assert screen.status_code == 200
    listed = screen.content.decode()
    assert "teacher" in listed and SCHOOL in listed and "Заблокировано" in listed
    assert "/admin/lockouts/" in staff.get("/admin/").content.decode()  # in the Settings menu
    assert staff.post("/admin/lockouts/", {"account": "teacher"}).status_code == 302
    assert not AccessAttempt.objects.exists()
    assert sign_in(client, "teacher", PASSWORD).status_code == 302


def test_an_administrator_unlocks_an_address(client, teacher, admin):
    for n in range(5):
        sign_in(client, f"nobody{n}", "wrong")  # five made-up accounts from one address
    assert sign_in(client, "teacher", PASSWORD).status_code == 429
    staff = client.__class__()
    staff.force_login(admin)
    staff.post("/admin/lockouts/", {"address": SCHOOL})
    assert sign_in(client, "teacher", PASSWORD).status_code == 302


def test_only_those_given_the_right_see_the_lockouts(client, django_user_model, site_tree):
    editor = django_user_model.objects.create_user("editor", password=PASSWORD)
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    refused = client.get("/admin/lockouts/")
    assert refused.status_code == 302 and refused["Location"] == "/admin/"  # Wagtail's «no permission»
    assert "/admin/lockouts/" not in client.get("/admin/").content.decode()
    editor.user_permissions.add(Permission.objects.get(content_type__app_label="axes", codename="delete_accessattempt"))
    assert client.get("/admin/lockouts/").status_code == 200


def test_behind_the_proxy_the_lockout_counts_the_client_not_the_proxy(client, teacher, admin, settings):
    settings.TRUSTED_PROXIES = trusted_networks(["10.0.0.0/8"])
    proxy = {"address": "10.0.0.5"}
    for _ in range(5):
        sign_in(client, "nobody", "wrong", HTTP_X_FORWARDED_FOR=f"1.2.3.4, {SCHOOL}", **proxy)
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {SCHOOL}
    # Another school, through the same proxy, signs in; the guessing school does not, whatever it forges.
    assert sign_in(client, "chief", PASSWORD, HTTP_X_FORWARDED_FOR=ELSEWHERE, **proxy).status_code == 302
    client.logout()
    forged = sign_in(client, "teacher", PASSWORD, HTTP_X_FORWARDED_FOR=f"{ELSEWHERE}, {SCHOOL}", **proxy)
    assert forged.status_code == 429


def test_the_api_takes_no_passwords(client, teacher):
    """Basic authentication on the public API would tell a right password from a wrong one, beside the forms."""
    wrong = "Basic " + base64.b64encode(b"teacher:wrong").decode()
    assert client.get("/api/v2/pages/", HTTP_AUTHORIZATION=wrong).status_code == 200
    assert not AccessAttempt.objects.exists()
