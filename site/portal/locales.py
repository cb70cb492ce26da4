"""The portal's languages, named in one place: the settings.

``LANGUAGE_CODE`` is the default language — the one content is written in first, the one reference data is keyed
in, the one a page without a translation falls back to. The visitor's language (Django's active language, set from
the URL) chooses which translation of content is shown. Runtime code asks these functions and never names a
language code itself (``portal/tests/test_locales.py`` reads the code to keep it so).
"""

from django.conf import settings
from django.utils import translation
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import DraftStateMixin, Locale

from portal import lookups


def languages():
    """The codes of the portal's languages, the default first (the order of ``settings.LANGUAGES``)."""
    return [code for code, _name in settings.LANGUAGES]


def default_language():
    """The code of the default language (content's first language and the fallback)."""
    return get_supported_content_language_variant(settings.LANGUAGE_CODE)


def in_default_locale():
    """``limit_choices_to`` of links to translatable rows (atlas cards, districts): the originals in the default
    language, which every language's page finds by their translation key."""
    return {"locale__language_code": default_language()}


def content_language():
    """The code of the language content is shown in now: the active language, or the default outside one."""
    try:
        return get_supported_content_language_variant(translation.get_language() or settings.LANGUAGE_CODE)
    except LookupError:
        return default_language()


def is_default_language(language=None):
    """Whether ``language`` (the active language when not given) is the default one."""
    return (language or content_language()) == default_language()


def default_locale():
    """The Wagtail locale of the default language (one query)."""
    return Locale.get_default()


def content_locale(request=None):
    """The Wagtail locale content is shown in: the request's language (set by the locale middleware from the URL),
    else the active one; the default locale when that language has none."""
    language = getattr(request, "LANGUAGE_CODE", None) or content_language()
    try:
        return Locale.objects.get_for_language(language)
    except (Locale.DoesNotExist, LookupError):
        return default_locale()


def localized(objects):
    """Translatable objects (snippets or pages) in the language content is shown in, each replaced by its translation
    where one exists and kept as it is otherwise (the fallback, which templates mark with ``content_lang``). One
    query for the translations, none in the default language."""
    objects = list(objects)
    language = content_language()
    if not objects or is_default_language(language):
        return objects
    model = type(objects[0])
    queryset = model.objects.filter(
        translation_key__in=[item.translation_key for item in objects], locale__language_code=language
    )
    if issubclass(model, DraftStateMixin):
        queryset = queryset.filter(live=True)
    translations = {item.translation_key: item for item in queryset}
    return [translations.get(item.translation_key, item) for item in objects]


def language_of(item):
    """The language code of a translatable object, without a query per object (the locales are few and cached)."""
    codes = lookups.lookup("locales", build=lambda: dict(Locale.objects.values_list("pk", "language_code")))
    return codes.get(item.locale_id) or Locale.objects.get(pk=item.locale_id).language_code


def column_language(row, field, language=None):
    """The language whose column ``column_in_language`` shows: ``language`` (the content language when not given)
    when its column is filled, else the default language."""
    language = language or content_language()
    filled = language in languages() and getattr(row, f"{field}_{language}", "")
    return language if filled else default_language()


def column_in_language(row, field, language=None):
    """For rows with a column per language (``name_ru``, ``name_en``; see the README on which rows those are): the
    value in ``language`` (the content language when not given), the default language's where that one is empty."""
    language = language or content_language()
    value = getattr(row, f"{field}_{language}", "") if language in languages() else ""
    return value or getattr(row, f"{field}_{default_language()}")
