"""For data migrations: reference rows named in one column per language (``name_ru``, ``name_en``) become
translatable snippets (Wagtail's ``TranslatableMixin``) with one ``name``, and back. Called with the migration's
historical models, so it names no model itself; the languages of the columns come from the migration.

Forwards, each row becomes the original in the default locale and keeps its primary key (whatever links to it
still does); the other columns become its translations in the locales that exist. Backwards, the translations go
back into the columns of their originals, whatever linked to a translation links to its original, and the
translation rows are deleted."""

import uuid


def into_locales(Model, Locale, columns, default_language, field="name"):
    """``columns`` maps a language code to the column holding the name in that language."""
    default = Locale.objects.get_or_create(language_code=default_language)[0]
    others = [locale for locale in Locale.objects.exclude(pk=default.pk) if locale.language_code in columns]
    for row in Model.objects.filter(locale=None).order_by("pk"):
        row.translation_key = uuid.uuid4()
        row.locale = default
        setattr(row, field, getattr(row, columns[default_language]))
        row.save()
        for locale in others:
            value = getattr(row, columns[locale.language_code])
            if value:
                # The same row saved as a new one: every other field (code, slug, order) as the original's.
                row.pk = None
                row._state.adding = True
                row.locale = locale
                setattr(row, field, value)
                row.save()


def into_columns(Model, columns, default_language, field="name"):
    originals = {row.translation_key: row for row in Model.objects.filter(locale__language_code=default_language)}
    for original in originals.values():
        setattr(original, columns[default_language], getattr(original, field))
    for translation in Model.objects.exclude(locale__language_code=default_language).select_related("locale"):
        original = originals.get(translation.translation_key)
        if original is None:  # a row created in another language only: it stays, as an original
            originals[translation.translation_key] = translation
            setattr(translation, columns[default_language], getattr(translation, field))
            continue
        if translation.locale.language_code in columns:
            setattr(original, columns[translation.locale.language_code], getattr(translation, field))
        _link_to(Model, translation, original)
        translation.delete()
    for original in originals.values():
        for column in columns.values():  # an untranslated name is the default language's
            setattr(original, column, getattr(original, column) or getattr(original, columns[default_language]))
        original.save()


def _link_to(Model, old, new):
    """Whatever links to ``old`` links to ``new`` instead (foreign keys and many-to-many links)."""
    for relation in Model._meta.related_objects:
        if relation.many_to_many:
            links = relation.through.objects
            source, target = relation.field.m2m_field_name(), relation.field.m2m_reverse_field_name()
            for link in links.filter(**{target: old}):
                owner = getattr(link, f"{source}_id")
                if links.filter(**{source: owner, target: new}).exists():
                    link.delete()
                else:
                    setattr(link, target, new)
                    link.save()
        else:
            relation.related_model.objects.filter(**{relation.field.name: old}).update(**{relation.field.name: new})


def translate_row(row, locale, **fields):
    """For seeds: the translation of ``row`` into ``locale`` with ``fields``, written where none exists (an editor's
    translation is kept); whether it was written."""
    if locale is None or row.has_translation(locale):
        return False
    translation = row.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save()
    return True


def translate_names(rows, locale, names, key):
    """For seeds: translations of ``rows`` into ``locale`` named from ``names`` (a row's ``key`` value → its name
    there), written where missing; how many were written."""
    return sum(translate_row(row, locale, name=names[getattr(row, key)]) for row in rows if getattr(row, key) in names)
