"""The English atlas, seeded as wagtail-localize translations of the Russian one (``portal.localized_seed``).

The English texts are in media_seed/atlas/: ``atlas.en.json`` (the index page and the reference data, keyed by
the Russian name; names from the ``name_en`` columns of data/*.csv where those have one) and
``professions.en.json`` (the profession cards, keyed by the Russian title, each list item for item as in
professions.json). A card without English is left untranslated: the English atlas lists translated cards only.

wagtail-localize translates the texts and the links to translatable rows held in foreign keys (a card's sector, an
organisation's district); many-to-many links it does not handle, so the seed links each translation to the
translations of its original's links (the card's districts, employers, colleges, …), which the English filters,
the card and the career builder read."""

import json

from portal.localized_seed import translate
from portal.slugs import slug_for

from .models import ProfessionPage

NAME_LENGTH = 100


def read_json(path):
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def in_locale(objects, locale):
    """Each of ``objects`` replaced by its translation into ``locale`` where there is one (one query)."""
    objects = list(objects)
    if not objects:
        return []
    model = type(objects[0])
    translations = dict(
        model.objects.filter(translation_key__in=[o.translation_key for o in objects], locale=locale).values_list(
            "translation_key", "pk"
        )
    )
    by_pk = model.objects.in_bulk(translations.values())
    return [by_pk[translations[o.translation_key]] if o.translation_key in translations else o for o in objects]


def pairs(russian, english):
    """Russian text → English text for parallel lists (or two texts); nothing when either is missing."""
    if isinstance(russian, list):
        return dict(zip(russian, english or [], strict=False)) if english else {}
    return {russian: english} if russian and english else {}


class EnglishAtlas:
    def __init__(self, atlas_dir, locale, refresh=False):
        self.locale = locale
        self.refresh = refresh
        self.texts = read_json(atlas_dir / "atlas.en.json")
        self.cards = read_json(atlas_dir / "professions.en.json")
        self.created = 0

    def translate(self, instance, texts, links=None):
        """``instance`` translated with ``texts`` ("" stays "": wagtail-localize extracts empty fields too);
        ``links(translated)`` then sets its many-to-many links before it is saved."""
        translated, created = translate(instance, self.locale, {"": "", **texts}, refresh=self.refresh)
        self.created += created
        if translated is not None and links is not None:
            links(translated)
            if isinstance(translated, ProfessionPage):
                translated.save_revision().publish()
            else:
                translated.save()
        return translated

    def cities(self, *names):
        cities = self.texts.get("cities", {})
        return {name: cities[name] for name in names if name in cities}

    # -- reference data -----------------------------------------------------------------------------------
    def reference(self, sectors, districts, employers, organisations, projects, rows):
        """``rows``: the CSV rows each snippet came from, by kind, for their name_en columns."""
        names = {
            kind: {row["name_ru"]: row.get("name_en", "") for row in kind_rows} for kind, kind_rows in rows.items()
        }
        for name, sector in sectors.items():
            extra = self.texts.get("sectors", {}).get(name, {})
            self.translate(
                sector, {name: names["sectors"].get(name), **pairs(sector.description, extra.get("description"))}
            )
        for name, district in districts.items():
            extra = self.texts.get("districts", {}).get(name, {})
            self.translate(
                district, {name: names["districts"].get(name), **pairs(district.centre, extra.get("centre"))}
            )
        for name, employer in employers.items():
            self.translate(
                employer,
                {name: names["employers"].get(name), **self.cities(employer.city)},
                links=lambda translated, employer=employer: translated.districts.set(
                    in_locale(employer.districts.all(), self.locale)
                ),
            )
        for name, organisation in organisations.items():
            extra = self.texts.get("organisations", {}).get(name, {})
            self.translate(
                organisation,
                {
                    name: extra.get("name"),
                    **pairs(organisation.short_name, extra.get("short_name")),
                    **self.cities(organisation.city),
                },
            )
        for name, project in projects.items():
            extra = self.texts.get("projects", {}).get(name, {})
            self.translate(
                project,
                {name: names["projects"].get(name), **pairs(project.description, extra.get("description"))},
                links=lambda translated, project=project: (
                    translated.sectors.set(in_locale(project.sectors.all(), self.locale)),
                    translated.districts.set(in_locale(project.districts.all(), self.locale)),
                ),
            )

    # -- pages --------------------------------------------------------------------------------------------
    def index(self, atlas):
        texts = self.texts.get("index")
        if not texts:
            return None
        return self.translate(
            atlas,
            {
                atlas.title: texts["title"],
                atlas.slug: texts["slug"],
                **pairs(atlas.intro, texts.get("intro")),
                **pairs(atlas.summary, texts.get("summary")),
                **pairs(atlas.easy_read_summary, texts.get("easy_read_summary")),
            },
        )

    def card_texts(self, page, card, english):
        """Russian → English for every string of a card."""
        texts = {
            page.title: english.get("name") or card["name_en"],
            page.slug: slug_for(english.get("name") or card["name_en"], max_length=NAME_LENGTH),
            **pairs(card["summary_ru"], english.get("summary") or card.get("summary_en")),
            **pairs(page.easy_read_summary, "\n".join(english.get("easy_read", [])) or None),
            **pairs(card["outlook_ru"], english.get("outlook")),
            **pairs(card["day_ru"], english.get("day")),
            **pairs(card["conditions_ru"], english.get("conditions")),
        }
        for field in ("duties", "hard_skills", "soft_skills", "qualities", "contraindications"):
            texts.update(pairs(card[f"{field}_ru"], english.get(field)))
        notes = english.get("suitability", {})
        for row in card["disability_suitability"]:
            texts.update(pairs(row["note_ru"][:300], notes.get(row["category"])))
        return texts

    def card(self, page, card, specialty):
        english = self.cards.get(card["name_ru"])
        if not english:
            return None
        if specialty is not None and english.get("specialty"):
            self.translate(
                specialty,
                {specialty.name: english["specialty"]},
                links=lambda translated: translated.organisations.set(
                    in_locale(specialty.organisations.all(), self.locale)
                ),
            )

        def links(translated):
            original = page
            translated.school_subjects.set(in_locale(original.school_subjects.all(), self.locale))
            for field in ("specialties", "organisations", "employers", "investment_projects", "districts"):
                getattr(translated, field).set(in_locale(getattr(original, field).all(), self.locale))

        return self.translate(page, self.card_texts(page, card, english), links=links)

    def related(self, page, translated):
        """The English card's related professions: the English cards of its original's related ones."""
        related = [p for p in in_locale(page.related_professions.all(), self.locale) if p.locale_id == self.locale.pk]
        translated.related_professions.set(related)
        translated.save_revision().publish()
