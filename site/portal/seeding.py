"""What every app's seed module shares: idempotent creation of published pages."""

from portal import locales
from portal.models import Audience


class PageSeeder:
    """Base of the apps' ``seed.Seeder`` classes (run by ``manage.py load_seed``)."""

    def __init__(self, refresh=False, log=print):
        self.refresh = refresh
        self.log = log
        self.created = 0

    def upsert(self, parent, model, slug, *, audiences=(), **fields):
        """The page ``slug`` under ``parent``, created and published if missing; left as the editors made it
        unless ``refresh`` is asked for, then overwritten with ``fields`` and republished."""
        page = model.objects.child_of(parent).filter(slug=slug).first()
        if page is not None and not self.refresh:
            return page
        if page is None:
            page = model(slug=slug, **fields)
            parent.add_child(instance=page)
            self.created += 1
        else:
            for name, value in fields.items():
                setattr(page, name, value)
        if audiences:
            # The originals, as the translations of pages link them (wagtail-localize copies many-to-many links).
            page.audiences.set(
                Audience.objects.filter(slug__in=audiences, locale__language_code=locales.default_language())
            )
        page.save_revision().publish()
        return page

    def translate(self, page, locale, **fields):
        """The translation of ``page`` into ``locale`` with ``fields`` set, created and published if missing."""
        translation = page.get_translation_or_none(locale)
        if translation is not None and not self.refresh:
            return translation
        if translation is None:
            translation = page.copy_for_translation(locale, copy_parents=False)
            self.created += 1
        translation = translation.specific
        for name, value in fields.items():
            setattr(translation, name, value)
        translation.save_revision().publish()
        return translation
