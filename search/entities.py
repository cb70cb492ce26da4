"""What a query names besides words to look for: a sector of the atlas («медицинские», «медицина»,
«здравоохранение»), a district or city («в Комсомольске-на-Амуре», «Хабаровска», «в Амурском районе»), a disability
category in everyday words («слабослышащих», «колясочников»). Matched by stems (``analysis.stem``), so any case and
number name them.

A recognised sector, district or disability category is taken out of the words the search requires and applied as
the search's facet of that name (a category: the atlas cards that suit it and the equal-opportunities navigator); a
category also routes the query to the navigator (``search.intents``). Each can be dropped: ``?no_entity=sector``
(or ``district``, ``category``) searches the same query with its words as words.

The sectors are named by their names (each part of «Транспорт и логистика» alone too) and by every term of an
editors' synonym group that holds one of them; the districts by their names and administrative centres without
the generic words («муниципальный район», «г.»). A synonym group that names no entity protects its terms:
«медицинская сестра» is a profession, not the health-care sector with a sister. Every list is read once per content
version (``portal.lookups``): no query per request."""

import re
from dataclasses import dataclass

from django.utils import translation
from django.utils.translation import gettext_lazy as _

from atlas.models import MunicipalDistrict, Sector
from portal import lookups
from portal.disabilities import DISABILITY_CATEGORIES

from .analysis import LATIN, STOP_WORDS, words
from .analysis import stem as word_stem
from .models import SynonymGroup

KINDS = ("sector", "district", "category")
KIND_TITLES = {"sector": _("Sector"), "district": _("District"), "category": _("Health condition")}
FACET_KINDS = ("sector", "district", "category")  # the kinds applied as the site search's facets of the same name

# Words of district names and centres that name no place: the kind of unit, a settlement's abbreviation.
GENERIC_PLACE_WORDS = frozenset(
    [
        "муниципальный",
        "муниципальная",
        "район",
        "округ",
        "городской",
        "город",
        "имени",
        "г",
        "рп",
        "пгт",
        "с",
        "п",
        "district",
        "municipal",
        "okrug",
        "city",
        "urban",
        "settlement",
    ]
)
# English place names are transliterated adjectives and nouns: «Amursky District», its centre «Amursk», and the
# visitor's «Amur district». Their endings -sky, -skiy, -ski, -sk are dropped after the English stem, so all three
# name «amur»; «Komsomolsk-on-Amur» is «komsomol on amur», and its longer match wins over «Komsomolsky District».
LATIN_PLACE_ENDING = re.compile(r"(?<=[a-z]{3})sk(?:ii|iy|i|y)?$")


def stem(word):
    """The stem a name is compared by: the Snowball stem, and for a Latin word without the ending above."""
    found = word_stem(word)
    return LATIN_PLACE_ENDING.sub("", found) if LATIN.search(found) else found


GENERIC_PLACE_STEMS = frozenset(stem(word) for word in GENERIC_PLACE_WORDS)
DISTRICT_STEMS = frozenset(stem(word) for word in ("район", "district"))

# Everyday words for the disability categories (``portal.disabilities``). The visitor is shown the category's own,
# respectful name, never these words.
CATEGORY_WORDS = {
    "hearing": ["слабослышащий", "тугоухость", "нарушение слуха", "hard of hearing", "hearing impaired"],
    "deaf": ["глухой", "неслышащий", "глухота", "deaf"],
    "vision_low": ["слабовидящий", "нарушение зрения", "low vision", "visually impaired"],
    "vision_blind": ["незрячий", "слепой", "слепота", "blind"],
    "musculoskeletal": [
        "колясочник",
        "коляска",
        "ДЦП",
        "опорно-двигательный",
        "ОДА",
        "wheelchair",
        "wheelchair user",
    ],
    "speech": ["заикание", "нарушение речи", "speech impairment"],
    "intellectual": ["умственная отсталость", "интеллектуальные нарушения", "intellectual disability"],
    "autism": ["аутизм", "аутист", "РАС", "autism", "autistic"],
}


@dataclass(frozen=True)
class Entity:
    kind: str  # sector, district or category
    value: str  # the facet's value (a slug), or the category's code
    label: str  # in the visitor's language; for a category its respectful name


@dataclass
class Understanding:
    entities: list  # [Entity], at most one of each kind
    remaining: str  # the query's words that named no entity, in order

    def facets(self):
        return {entity.kind: entity.value for entity in self.entities if entity.kind in FACET_KINDS}

    def of_kind(self, kind):
        return next((entity for entity in self.entities if entity.kind == kind), None)


def term_stems(text, generic=frozenset()):
    """The stems of ``text`` that a query must hold in this order to name it (stop and generic words left out)."""
    text = re.sub(r"\([^)]*\)", " ", text)  # «г. Хабаровск (центр вне района)»
    return tuple(s for s in (stem(w) for w in words(text) if w not in STOP_WORDS) if s not in generic)


def vocabulary(locale):
    """{term (a tuple of stems): [(kind, value, label, rank)]} for the entities of ``locale``, and the terms the
    editors' synonym groups protect. Lower rank wins a tie (a district's name over its centre)."""

    def build():
        terms = {}

        def add(term, kind, value, label, rank=0):
            if term and (kind, value) not in {(k, v) for k, v, _label, _rank in terms.get(term, [])}:
                terms.setdefault(term, []).append((kind, value, label, rank))

        groups = [[term_stems(t) for t in group.term_list()] for group in SynonymGroup.objects.all()]
        for sector in Sector.objects.filter(locale=locale):
            parts = {term_stems(part) for part in re.split(r"\s+(?:и|and)\s+|,", sector.name)} | {
                term_stems(sector.name)
            }
            for part in parts:
                add(part, "sector", sector.slug, sector.name)
            for group in groups:
                if parts & set(group):
                    for term in group:
                        add(term, "sector", sector.slug, sector.name, rank=1)
        for district in MunicipalDistrict.objects.filter(locale=locale):
            city = 0 if district.kind == "city_okrug" else 1
            add(term_stems(district.name, GENERIC_PLACE_STEMS), "district", district.slug, district.name, rank=city)
            add(
                term_stems(district.centre, GENERIC_PLACE_STEMS),
                "district",
                district.slug,
                district.name,
                rank=2 + city,
            )
        for code, label in DISABILITY_CATEGORIES:
            for phrase in CATEGORY_WORDS.get(code, []):
                add(term_stems(phrase), "category", code, str(label))
        named = set(terms)
        protected = [term for group in groups for term in group if len(term) > 1 and term not in named]
        return {"terms": terms, "protected": protected}

    # The labels are in the visitor's language (the categories' come from gettext).
    return lookups.lookup("search-entities", locale.pk, translation.get_language(), build=build)


def _matches(term, stems, start):
    return tuple(stems[start : start + len(term)]) == term


def understand(text, locale, ignore=()):
    """The entities ``text`` names (except the kinds in ``ignore``) and the rest of its words."""
    every = words(text)
    content = [(i, w) for i, w in enumerate(every) if w not in STOP_WORDS]
    stems = [stem(w) for _i, w in content]
    known = vocabulary(locale)
    terms = known["terms"]
    taken = set()  # positions in ``content``
    for term in known["protected"]:
        for start in range(len(stems)):
            if _matches(term, stems, start):
                taken.update(range(start, start + len(term)))
    longest = max((len(term) for term in terms), default=0)
    wants_district = any(s in DISTRICT_STEMS for s in stems)  # «в Хабаровском районе»: not the city
    found = {}
    consumed = set()
    for length in range(min(longest, len(stems)), 0, -1):  # longer names first: «Комсомольск-на-Амуре»
        for start in range(len(stems) - length + 1):
            span = set(range(start, start + length))
            if span & (taken | consumed):
                continue
            candidates = [
                c
                for c in terms.get(tuple(stems[start : start + length]), [])
                if c[0] not in found and c[0] not in ignore
            ]
            if not candidates:
                continue
            kind, value, label, _rank = min(candidates, key=lambda c: (c[0], _district_rank(c, wants_district)))
            found[kind] = Entity(kind, value, label)
            consumed |= span
    if "district" in found:  # «район», «округ», «г.» named it too
        consumed |= {n for n, s in enumerate(stems) if s in GENERIC_PLACE_STEMS}
    dropped = {content[n][0] for n in consumed}
    entities = [found[kind] for kind in KINDS if kind in found]
    return Understanding(entities, " ".join(w for i, w in enumerate(every) if i not in dropped))


def _district_rank(candidate, wants_district):
    kind, _value, _label, rank = candidate
    if kind == "district" and wants_district:
        return (rank + 1) % 2 + (rank // 2) * 2  # a district's own name before the city's
    return rank
