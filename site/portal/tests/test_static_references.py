"""Every file a template names with ``{% static %}`` exists. Behind whitenoise's manifest (production), a missing one
is an error in the template, so the page answers 500; the development server says nothing. A booking form once linked a
stylesheet that had moved."""

import re
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.utils import get_app_template_dirs

STATIC_TAG = re.compile(r"""{%\s*static\s+["']([^"']+)["']""")


def template_files():
    dirs = [*map(Path, get_app_template_dirs("templates")), *(Path(d) for t in settings.TEMPLATES for d in t["DIRS"])]
    project = Path(settings.BASE_DIR).resolve()
    for directory in dirs:
        inside = directory.resolve().relative_to(project).parts if directory.resolve().is_relative_to(project) else None
        if inside is not None and ".venv" not in inside:  # the project's own, not the libraries' (CI's .venv is inside)
            yield from directory.rglob("*.html")


def test_every_static_file_named_in_a_template_exists():
    named = {(path, name) for path in template_files() for name in STATIC_TAG.findall(path.read_text())}
    assert len(named) >= 10  # the scan found the templates
    missing = sorted(f"{path}: {name}" for path, name in named if finders.find(name) is None)
    assert not missing, missing
