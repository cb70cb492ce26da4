"""What every app's seed module shares: idempotent creation of published pages and of generated documents."""

import json

from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import translation
from slugify import slugify
from wagtail.documents import get_document_model
from wagtail.models import Collection, Orderable, Page, Site

from portal import locales, localized_seed
from portal.document_access import file_exists
from portal.models import Audience


def collection(name, parent=None):
    """The collection ``name`` under ``parent`` (the root by default), created if missing."""
    parent = parent or Collection.get_first_root_node()
    return parent.get_children().filter(name=name).first() or parent.add_child(name=name)


def link_from_home(audience, target, texts):
    """Lead the home page's box for ``audience`` (the site root's ``audiences``) to ``target`` in each language of
    ``texts`` ({language code: link text}). ``target`` is a page (linked in its translation into that language; a
    language without one is skipped) or the name of a view (reversed in that language). A link the box has already
    is not added again, so an editor's wording and order stay. Returns how many boxes changed."""
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return 0
    changed = 0
    for home in site.root_page.get_translations(inclusive=True).select_related("locale"):
        language = home.locale.language_code
        if language not in texts:
            continue
        if isinstance(target, Page):
            page = target.get_translation_or_none(home.locale)
            link = page and {"page": page.pk, "url": "", "text": texts[language]}
        else:
            with translation.override(language):
                link = {"page": None, "url": reverse(target), "text": texts[language]}
        changed += bool(link) and add_audience_link(home, audience, link)
    return changed


def add_audience_link(home, audience, link):
    """Append ``link`` to ``home``'s box for ``audience`` unless the box leads there already; publish if changed."""
    home = home.specific_class.objects.get(pk=home.pk)  # fresh: other seeders may have published it since
    if not hasattr(home, "audiences"):
        return False
    entries = home.audiences.raw_data
    box = next((entry for entry in entries if entry["value"].get("audience") == audience), None)
    if box is None:
        return False
    current = box["value"]["links"]
    # Items as the seed wrote them, or as Wagtail keeps a list once an editor saved the page ({"value": …}).
    wrapped = bool(current) and "value" in current[0]
    leads_to = link["page"] or link["url"]
    if any((item.get("value", item).get("page") or item.get("value", item).get("url")) == leads_to for item in current):
        return False
    current.append({"type": "item", "value": link} if wrapped else link)
    home.audiences = json.dumps(list(entries), ensure_ascii=False, default=str)
    home.save_revision().publish()
    return True


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
        for value in fields.values():  # inline rows keep the order given (without one, PostgreSQL returns any order)
            if isinstance(value, list):
                for position, row in enumerate(value):
                    if isinstance(row, Orderable) and row.sort_order is None:
                        row.sort_order = position
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

    def translate_localized(self, page, locale, texts):
        """The translation of ``page`` into ``locale`` through wagtail-localize's records, its strings translated
        by ``texts`` (Russian plain text → English), made if missing (and remade on ``refresh``): see
        ``portal.localized_seed``."""
        translated, created = localized_seed.translate(page, locale, texts, refresh=self.refresh)
        self.created += created
        return translated

    def generated_document(self, title, target, make, extension):
        """The document ``title`` in the collection ``target``, its file generated by ``make()`` when it is created
        (and again on ``refresh``)."""
        Document = get_document_model()
        document = Document.objects.filter(title=title, collection=target).first()
        if document is not None and not self.refresh:
            if not document.file_hash and file_exists(document):  # seeded before the seed kept the hash
                document.get_file_hash()  # computes and saves it
            return document
        if document is None:
            document = Document(title=title, collection=target)
        document.file.save(f"{slugify(title, max_length=60)}.{extension}", ContentFile(make()), save=False)
        # Size and hash, as Wagtail's upload form sets them: the hash is the ETag the document is served with.
        document._set_document_file_metadata()
        document.save()
        return document
