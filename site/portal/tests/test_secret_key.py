"""Production refuses a weak or example SECRET_KEY; the keys the repository's own scripts make are strong enough."""

import os
import re
import subprocess
import sys

import pytest
from django.conf import settings

from portal.local_secret import local_secret_key, secret_key_problem


@pytest.mark.parametrize(
    "key",
    ["change-me", "", "short-key", "ab" * 40, "django-insecure-" + "x7Kp2mQ9vR4tY8wZ3nB6cF1hJ5lD0sG" * 2],
)
def test_weak_keys_are_named_as_such(key):
    assert secret_key_problem(key)


def test_production_settings_refuse_the_example_key_with_a_clear_message():
    result = subprocess.run(
        [sys.executable, "-c", "import sys; sys.path.insert(1, 'site'); import portal.settings.production"],
        cwd=settings.BASE_DIR,
        env={"PATH": os.environ["PATH"], "SECRET_KEY": "change-me", "ALLOWED_HOSTS": "portal.example"},
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert "ImproperlyConfigured: SECRET_KEY is the example value of .env.example" in result.stderr


def generated_by(script):
    """The SECRET_KEY a line of a shell script (or of the Makefile, with its «$$») sets, as bash runs it."""
    command = script.replace("$$", "$")
    result = subprocess.run(  # noqa: S603 (bash runs the repository's own line)
        ["/bin/bash", "-c", f'{command}\nprintf %s "$SECRET_KEY"'], capture_output=True, text=True, check=True
    )
    return result.stdout


def test_the_keys_of_make_run_ci_and_make_check_pass(tmp_path):
    assert secret_key_problem(local_secret_key(tmp_path / "secret-key.txt")) is None
    ci = re.search(r"^export SECRET_KEY=.*$", (settings.BASE_DIR / ".ci" / "run").read_text(), re.MULTILINE)
    make_check = re.search(r"SECRET_KEY=(\$\$\([^)]*\))", (settings.BASE_DIR / "Makefile").read_text())
    for script in (ci.group(0), f"SECRET_KEY={make_check.group(1)}"):
        for _ in range(20):  # random keys: some draws are shorter after tr drops characters
            key = generated_by(script)
            assert secret_key_problem(key) is None, (script, key)
