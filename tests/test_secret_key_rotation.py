"""Rotating the secret key as SECURITY.md describes: with the old key in SECRET_KEY_FALLBACKS, what it signed still
works (sessions, password-reset links, career links, teachers' class links); once the old key is dropped, none of
it does."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator

from career.state import Diagnosis, InvalidToken

OLD, NEW = "old-key-" + "o" * 50, "new-key-" + "n" * 50


@pytest.fixture
def old_key(settings):
    settings.SECRET_KEY, settings.SECRET_KEY_FALLBACKS = OLD, []
    return settings


def rotate(settings, keep_old):
    settings.SECRET_KEY = NEW
    settings.SECRET_KEY_FALLBACKS = [OLD] if keep_old else []


@pytest.mark.parametrize("keep_old", [True, False])
def test_a_signed_in_editor_stays_signed_in_only_while_the_old_key_is_a_fallback(client, site_tree, old_key, keep_old):
    client.force_login(get_user_model().objects.create_superuser("chief", "chief@example.ru", "x"))
    assert client.get("/admin/").status_code == 200
    rotate(old_key, keep_old)
    response = client.get("/admin/")
    if keep_old:
        assert response.status_code == 200
    else:
        assert response.status_code == 302 and response.url.startswith("/admin/login/")


@pytest.mark.parametrize("keep_old", [True, False])
def test_password_reset_links_sent_before_the_rotation(db, old_key, keep_old):
    user = get_user_model().objects.create_user("teacher", "teacher@example.ru", "x")
    token = default_token_generator.make_token(user)
    rotate(old_key, keep_old)
    assert default_token_generator.check_token(user, token) is keep_old


@pytest.mark.parametrize("keep_old", [True, False])
def test_career_links_shared_before_the_rotation(old_key, keep_old):
    diagnosis = Diagnosis(answers="ab" * 10, grade=9)
    token = diagnosis.token()
    rotate(old_key, keep_old)
    if keep_old:
        assert Diagnosis.from_token(token) == diagnosis
        assert diagnosis.token() != token  # new links are signed with the new key
    else:
        with pytest.raises(InvalidToken):
            Diagnosis.from_token(token)


@pytest.mark.parametrize("keep_old", [True, False])
def test_teachers_class_links_made_before_the_rotation(db, old_key, keep_old):
    from career.models import ClassSession

    session = ClassSession.create()
    key = session.teacher_key
    rotate(old_key, keep_old)
    assert session.key_matches(key) is keep_old
    assert session.key_matches(session.teacher_key)  # the new link, signed with the new key
    assert not session.key_matches(key + "x") and not session.key_matches("ключ") and not session.key_matches(None)
