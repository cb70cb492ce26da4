"""The secret key of `make run`, made on the first run and kept in var/ (portal.settings.local)."""

import os
import secrets


def local_secret_key(path):
    """The key kept in ``path``, made there on first use. Safe when the web server and a worker start at once:
    the file appears whole (a hard link of a finished file) and the first one made wins."""
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        draft = path.with_name(f"{path.name}.{os.getpid()}")
        with os.fdopen(os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "w", encoding="utf-8") as out:
            out.write(secrets.token_urlsafe(50) + "\n")
        try:
            os.link(draft, path)
        except FileExistsError:
            pass
        finally:
            draft.unlink()
    return path.read_text(encoding="utf-8").strip()
