"""The English the visitor reads uses the typographic apostrophe (’), as the Russian uses «ёлочки»: straight
quotes between letters (the krai's) are typewriter leftovers."""

import json
import re
from pathlib import Path

from django.conf import settings
from django.db import models
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from portal import locales

STRAIGHT = re.compile(r"[A-Za-z]'[A-Za-z]|[a-z]s' [a-z]")
SEED = Path(settings.BASE_DIR) / "media_seed"


def straight_quotes(text):
    return [text[max(0, m.start() - 30) : m.end() + 10] for m in STRAIGHT.finditer(text)]


def english_strings(data, key="", english=False):
    """The strings of a seed file that are English: all of an English file's values, else the fields named *_en."""
    if isinstance(data, dict):
        for name, value in data.items():
            yield from english_strings(value, name, english or name.endswith("_en") or name == "en")
    elif isinstance(data, list):
        for value in data:
            yield from english_strings(value, key, english)
    elif isinstance(data, str) and english and not key.startswith("_"):
        yield data


def test_the_english_seed_files_use_the_typographic_apostrophe():
    found = {}
    for path in sorted(SEED.rglob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        english = path.name.endswith(".en.json")
        hits = [hit for text in english_strings(data, english=english) for hit in straight_quotes(text)]
        if hits:
            found[path.name] = hits
    assert found == {}


def test_the_seeded_english_pages_use_the_typographic_apostrophe(seeded_site, db):
    english = [code for code, _name in settings.LANGUAGES if code != locales.default_language()]
    pages = Page.objects.live().filter(locale__language_code__in=english).specific()
    assert len(pages) > 20
    found = {}
    for page in pages:
        for field in page._meta.concrete_fields:
            if isinstance(field, models.CharField | models.TextField | RichTextField | StreamField):
                value = field.value_from_object(page)
                text = json.dumps(list(value.raw_data)) if isinstance(field, StreamField) else str(value or "")
                if hits := straight_quotes(text):
                    found[f"{page.url_path} {field.name}"] = hits
    assert found == {}
