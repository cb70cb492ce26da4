"""`ensure_admin` (make run, make dev) creates the local superuser once and never touches it again."""

import io
import os
import stat

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command


def ensure_admin():
    output = io.StringIO()
    call_command("ensure_admin", stdout=output)
    return output.getvalue()


@pytest.fixture
def var_dir(settings, tmp_path, monkeypatch):
    settings.BASE_DIR = tmp_path
    monkeypatch.delenv("ADMIN_USERNAME", raising=False)
    monkeypatch.delenv("ADMIN_PASSWORD", raising=False)
    return tmp_path / "var"


def test_the_account_is_created_once_with_a_private_generated_password(db, var_dir, monkeypatch):
    # The file must be private as it is opened, not made so by a chmod after the password is in it.
    monkeypatch.setattr(os, "chmod", lambda *args, **kwargs: None)
    monkeypatch.setattr("pathlib.Path.chmod", lambda *args, **kwargs: None)
    previous = os.umask(0o022)
    try:
        ensure_admin()
    finally:
        os.umask(previous)
    path = var_dir / "admin-password.txt"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    admin = get_user_model().objects.get(username="admin")
    assert admin.is_superuser and admin.check_password(path.read_text().strip())


def test_a_later_run_neither_resets_the_password_nor_restores_superuser(db, var_dir, monkeypatch):
    monkeypatch.setenv("ADMIN_PASSWORD", "Сопки-над-Амуром-2026")
    ensure_admin()
    admin = get_user_model().objects.get(username="admin")
    admin.set_password("Changed-by-its-owner-77")
    admin.is_superuser = False
    admin.save()

    monkeypatch.setenv("ADMIN_PASSWORD", "Другой-пароль-из-окружения-9")
    ensure_admin()
    admin.refresh_from_db()
    assert admin.check_password("Changed-by-its-owner-77") and not admin.is_superuser


@pytest.mark.parametrize("password", ["12345678", "password", "admin", "qwerty"])
def test_a_weak_admin_password_is_refused_with_the_reason(db, var_dir, monkeypatch, password):
    monkeypatch.setenv("ADMIN_PASSWORD", password)
    with pytest.raises(CommandError, match="ADMIN_PASSWORD") as refused:
        ensure_admin()
    assert "Пароль" in str(refused.value) or "пароль" in str(refused.value)  # Django's validators, in Russian
    assert not get_user_model().objects.exists()
