"""Secret keys: the one `make run` makes on its first run and keeps in var/ (portal.settings.local), and the check
the production settings make of the one they are given."""

import os
import secrets

from django.core.checks.security.base import (
    SECRET_KEY_INSECURE_PREFIX,
    SECRET_KEY_MIN_LENGTH,
    SECRET_KEY_MIN_UNIQUE_CHARACTERS,
)

# The placeholder of .env.example: a copied file must not become a deployment.
EXAMPLE_KEYS = {"change-me"}


def local_secret_key(path):
    """The key kept in ``path``, made there on first use. Safe when the web server and a worker start at once:
    the file appears whole (a hard link of a finished file) and the first one made wins."""
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        draft = path.with_name(f"{path.name}.{os.getpid()}")
        with os.fdopen(os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "w", encoding="utf-8") as out:
            out.write(new_secret_key() + "\n")
        try:
            os.link(draft, path)
        except FileExistsError:
            pass
        finally:
            draft.unlink()
    return path.read_text(encoding="utf-8").strip()


def new_secret_key():
    return secrets.token_urlsafe(50)  # 67 characters


def secret_key_problem(key):
    """Why ``key`` must not sign production sessions, tokens and links, or None. Django's own criteria for a
    weak key (`check --deploy`, security.W009), which only warns; production refuses to start instead."""
    key = key or ""
    if key in EXAMPLE_KEYS:
        return "SECRET_KEY is the example value of .env.example"
    if key.startswith(SECRET_KEY_INSECURE_PREFIX):
        return f"SECRET_KEY begins with {SECRET_KEY_INSECURE_PREFIX!r}, as Django's throw-away keys do"
    if len(key) < SECRET_KEY_MIN_LENGTH:
        return f"SECRET_KEY has {len(key)} characters; it needs at least {SECRET_KEY_MIN_LENGTH}"
    if len(set(key)) < SECRET_KEY_MIN_UNIQUE_CHARACTERS:
        return f"SECRET_KEY has fewer than {SECRET_KEY_MIN_UNIQUE_CHARACTERS} different characters"
    return None
