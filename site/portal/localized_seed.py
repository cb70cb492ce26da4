"""For seeds: translations made through wagtail-localize's own records, as an editor's would be.

An object's translation is a ``TranslationSource`` (its strings, taken from the original), a ``Translation`` into
the target locale and a ``StringTranslation`` for each string the seed knows the translation of; the translated
object is then saved from them (``Translation.save_target``). Editors see and change the translation in the
admin's translation editor, and when the original changes and its source is synced, the translation shows
the new strings as waiting for translation.

Idempotent: an existing translation is left alone (an editor's edits are kept) unless ``refresh`` is asked for,
in which case the seed's strings replace the stored ones and the translated object is saved again.
"""

from wagtail.models import DraftStateMixin, Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource
from wagtail_localize.strings import StringValue


def plain(data):
    """A stored string (wagtail-localize keeps them as HTML) as the plain text it stands for."""
    return StringValue(data).render_text()


def source_strings(instance):
    """The plain texts of the strings wagtail-localize extracts from ``instance`` (its source, made if missing)."""
    source, _created = TranslationSource.get_or_create_from_instance(instance)
    return [plain(data) for data in source.stringsegment_set.values_list("string__data", flat=True)]


def translate(instance, locale, texts, *, refresh=False):
    """The translation of ``instance`` into ``locale`` through wagtail-localize, each of its strings translated by
    ``texts`` (original plain text → translated plain text; a string missing from it stays in the original
    language, and the translation then shows as waiting for translations). Returns ``(translated, created)``;
    ``translated`` is None when a translation existed and ``refresh`` was not asked for."""
    if refresh:
        source, _created = TranslationSource.update_or_create_from_instance(instance)
    else:
        source, _created = TranslationSource.get_or_create_from_instance(instance)
    translation, created = Translation.objects.get_or_create(source=source, target_locale=locale)
    if not (created or refresh):
        return None, False
    segments = StringSegment.objects.filter(source=source).select_related("string", "context")
    for segment in segments:
        text = texts.get(plain(segment.string.data))
        if text is None:
            continue
        data = StringValue.from_plaintext(text).data
        existing = StringTranslation.objects.filter(
            translation_of=segment.string, locale=locale, context=segment.context
        ).first()
        if existing is None:
            StringTranslation.objects.create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                data=data,
                translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
            )
        elif refresh and existing.data != data:
            existing.data = data
            existing.save()
    if isinstance(instance, Page | DraftStateMixin):
        # Saved as a draft, then published here: save_target(publish=True) publishes when the transaction
        # commits, and the seed (and the tests' seeded site) runs inside one.
        translation.save_target(publish=False)
        translated = translation.get_target_instance()
        translated.get_latest_revision().publish()
        translated.refresh_from_db()
    else:
        translation.save_target()
        translated = translation.get_target_instance()
    return translated, created
