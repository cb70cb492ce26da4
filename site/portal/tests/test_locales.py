"""One place names the portal's languages: the settings, read through ``portal.locales``."""

import ast
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import translation
from wagtail.models import Locale

from portal import locales

ROOT = Path(__file__).resolve().parents[3]
# Code that may name a language: the settings define them, seeds and factories write content in each language,
# migrations are history, tests check each language. Benchmarks build throw-away sites.
EXEMPT_PARTS = {".venv", "node_modules", "var", "bench", "settings", "migrations", "tests"}
EXEMPT_NAMES = {"seed.py", "factories.py", "conftest.py"}


def language_literals(source):
    """The line numbers of string literals in ``source`` that are one of the portal's language codes."""
    codes = set(locales.languages())
    return sorted(
        node.lineno
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value in codes
    )


def runtime_modules():
    for path in sorted(ROOT.rglob("*.py")):
        relative = path.relative_to(ROOT)
        if EXEMPT_PARTS.isdisjoint(relative.parts[:-1]) and relative.name not in EXEMPT_NAMES:
            yield relative


def test_the_scanner_finds_a_language_code_in_a_query_and_a_comparison():
    source = 'Locale.objects.filter(language_code="ru")\nif language == "en":\n    pass\nname = "rus"\n'
    assert language_literals(source) == [1, 2]


def test_runtime_code_names_no_language_code():
    modules = list(runtime_modules())
    assert Path("site/portal/locales.py") in modules and Path("monitoring/facets.py") in modules
    found = [f"{module}:{line}" for module in modules for line in language_literals((ROOT / module).read_text("utf-8"))]
    assert found == [], "ask portal.locales (default_language, content_locale, …) instead of naming a language"


# The 500 page is static on purpose (rendered with no context, it must not fail itself), so it names its languages.
STATIC_TEMPLATES = {"500.html"}


def template_language_literals(text):
    codes = "|".join(map(re.escape, locales.languages()))
    return [match.group(0) for match in re.finditer(rf"(['\"])(?:{codes})\1", text)]


def test_the_template_scanner_finds_a_comparison_with_a_language_code():
    assert template_language_literals("{% if LANGUAGE_CODE == 'en' %}/en/{% endif %}") == ["'en'"]
    assert template_language_literals('<p lang="ru">') == ['"ru"']
    assert template_language_literals("<p{{ item|content_lang }}>") == []


def test_templates_name_no_language_code():
    templates = [
        path
        for path in sorted(ROOT.rglob("templates/**/*.html"))
        if EXEMPT_PARTS.isdisjoint(path.relative_to(ROOT).parts) and path.name not in STATIC_TEMPLATES
    ]
    assert ROOT / "site/portal/templates/base.html" in templates
    found = {str(path.relative_to(ROOT)): template_language_literals(path.read_text("utf-8")) for path in templates}
    assert {path: literals for path, literals in found.items() if literals} == {}


def test_the_default_language_is_the_settings_one():
    assert locales.default_language() == settings.LANGUAGE_CODE
    assert locales.languages()[0] == settings.LANGUAGE_CODE
    with translation.override(locales.languages()[1]):
        assert not locales.is_default_language()
        assert locales.content_language() == locales.languages()[1]
    with translation.override(settings.LANGUAGE_CODE):
        assert locales.is_default_language()


@pytest.mark.django_db
def test_content_locale_follows_the_request_and_falls_back_to_the_default(site_tree, rf):
    english = Locale.objects.get(language_code=locales.languages()[1])
    request = rf.get("/")
    request.LANGUAGE_CODE = english.language_code
    assert locales.content_locale(request) == english
    request.LANGUAGE_CODE = "de"  # a language without a locale
    assert locales.content_locale(request) == locales.default_locale()
    assert locales.default_locale().language_code == settings.LANGUAGE_CODE


@pytest.mark.django_db
def test_the_english_footer_falls_back_to_the_russian_contacts_marked(client, site_tree):
    from wagtail.models import Site

    from portal.models import PortalSettings

    # Created before anything reads (and caches) the settings: the test's transaction never commits.
    PortalSettings.objects.create(
        site=Site.objects.get(is_default_site=True),
        organisation_ru="Министерство образования и науки Хабаровского края",
        organisation_en="Ministry of Education and Science of Khabarovsk Krai",
        address_ru="г. Хабаровск, ул. Фрунзе, 72",
    )
    english = client.get("/en/").content.decode()
    assert '<p class="site-footer__org">Ministry of Education and Science of Khabarovsk Krai</p>' in english
    assert '<span lang="ru">г. Хабаровск, ул. Фрунзе, 72</span>' in english
    assert '<a class="site-header__brand" href="/en/">' in english
    russian = client.get("/").content.decode()
    assert '<p class="site-footer__org">Министерство образования и науки Хабаровского края</p>' in russian
    assert "<span>г. Хабаровск, ул. Фрунзе, 72</span>" in russian
    assert '<a class="site-header__brand" href="/">' in russian
