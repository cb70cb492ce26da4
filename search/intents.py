"""Answers to what a query asks, shown in a box above the results (the visitor still sees them):

- «зарплата сварщика», «сколько получает сварщик», «salary of a welder» → the welder's card at its salary block,
  with the figure (marked as demonstration data when it is);
- «где учиться на повара», «where to study to be a cook» → the cook's card at «Where to study» and the colleges
  the card names;
- «куда поступать после 9 класса», «поступление в колледж» → the handbook for applicants;
- «профессии для слабослышащих» → the equal-opportunities navigator for that category;
- «работа в Амурске», «вакансии в Хабаровске» → the district's page in the atlas, its professions and its vacancies.

The intent words are the editors' filler words with an intent (``FillerWord.intent``); the profession is the card
whose title or everyday name («сварной») the rest of the query holds; places and categories are
``search.entities``. Every list is read once per content version (``portal.lookups``); an answer about a card costs
one query for the card (and one for its colleges)."""

from django.apps import apps
from django.utils.http import urlencode

from atlas.models import AtlasIndexPage, ProfessionPage
from atlas.models.pages import names_of
from portal import lookups

from .analysis import stem, stems, words
from .models import FillerWord
from .understanding import filler_stems


def intent_stems():
    """{stem of a filler word: its intent}."""
    return lookups.lookup(
        "search-intent-stems",
        build=lambda: {
            stem(w): intent
            for entry, intent in FillerWord.objects.exclude(intent="").values_list("word", "intent")
            for w in words(entry)
        },
    )


def profession_names(locale):
    """[(stems of a name, length of the title, the card's id)] for every live card of ``locale``: its title and its
    everyday names."""

    def build():
        names = []
        for pk, title, everyday in names_of(ProfessionPage.objects.live().filter(locale=locale)):
            for name in [title, *everyday]:
                if held := frozenset(stems(name)):
                    names.append((held, len(title), pk))
        return names

    return lookups.lookup("search-profession-names", locale.pk, build=build)


def profession_named(text, locale):
    """The id of the card ``text`` names (every word of the card's title or of one of its everyday names is in the
    text; the fullest name first, then the shortest title), or None."""
    filler = set(filler_stems())
    asked = set(stems(text)) - filler
    if not asked:
        return None
    found = [(-len(held), length, pk) for held, length, pk in profession_names(locale) if held <= asked]
    return min(found)[2] if found else None


def asked_intents(text):
    known = intent_stems()
    return {known[stem(w)] for w in words(text) if stem(w) in known}


def page_of_type(app_label, model_name, locale):
    """The first live page of a type another app defines (the search does not import the apps above it), or
    None when the app is not installed or has no such page."""
    try:
        model = apps.get_model(app_label, model_name)
    except LookupError:
        return None
    return lookups.lookup(
        "search-page-of-type",
        app_label,
        model_name,
        locale.pk,
        build=lambda: model.objects.live().public().filter(locale=locale).first(),
    )


def answers(request, text, understanding, locale):
    """The answers for the query ``text`` (``understanding``: its entities and the rest of its words): a list of
    dicts, each with its ``kind`` (salary, study, category, district) and what its box shows."""
    found = []
    intents = asked_intents(text)
    if intents & {"salary", "study"}:
        pk = profession_named(understanding.remaining, locale)
        card = ProfessionPage.objects.live().filter(pk=pk).first() if pk else None
        if card is not None:
            url = card.get_url(request)
            if "salary" in intents:
                found.append({"kind": "salary", "card": card, "url": f"{url}#salary"})
            if "study" in intents:
                organisations = list(card.organisations.all())
                atlas = atlas_of(locale)
                found.append(
                    {
                        "kind": "study",
                        "card": card,
                        "url": f"{url}#where-to-study",
                        "organisations": [
                            {
                                "name": o.name,
                                "city": o.city,
                                "url": atlas_url(request, atlas, "organisation", o.slug),
                            }
                            for o in organisations
                        ],
                    }
                )
    if "admission" in intents:
        handbook = page_of_type("navigator", "ApplicantHandbookPage", locale)
        if handbook is not None:
            found.append({"kind": "admission", "title": handbook.title, "url": handbook.get_url(request)})
    category = understanding.of_kind("category")
    if category is not None:
        navigator = page_of_type("navigator", "EqualOpportunitiesPage", locale)
        if navigator is not None:
            url = navigator.get_url(request) + "?" + urlencode({"category": category.value})
            found.append({"kind": "category", "label": category.label, "title": navigator.title, "url": url})
    district = understanding.of_kind("district")
    if district is not None:
        atlas = atlas_of(locale)
        vacancies = page_of_type("vacancies", "VacancyIndexPage", locale)
        if atlas is not None:
            found.append(
                {
                    "kind": "district",
                    "label": district.label,
                    "url": atlas_url(request, atlas, "district", district.value),
                    "professions_url": atlas.get_url(request) + "?" + urlencode({"district": district.value}),
                    "vacancies_url": (
                        vacancies.get_url(request) + "?" + urlencode({"district": district.value})
                        if vacancies
                        else None
                    ),
                }
            )
    return found


def atlas_of(locale):
    return lookups.lookup(
        "search-atlas", locale.pk, build=lambda: AtlasIndexPage.objects.live().filter(locale=locale).first()
    )


def atlas_url(request, atlas, route, slug):
    return atlas.get_url(request) + atlas.reverse_subpage(route, args=[slug]) if atlas else None
