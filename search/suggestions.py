"""Help with the words: profession names as the visitor types (Wagtail's autocomplete, on whichever backend
answers), and «Возможно, вы имели в виду…» when a search finds nothing (the closest known words, by
``difflib``, among the titles and names the visitor could find)."""

import difflib
from itertools import chain

from django.core.cache import cache
from django.db.models import Max
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from atlas.models import EducationalOrganization, Employer, ProfessionPage, Sector
from portal import search_engine

from .analysis import STOP_WORDS, stem, words

VOCABULARY_SECONDS = 600


def professions(text, locale, limit=8, backend=None):
    """Live profession cards whose name has words starting with the words typed («сва» → «Сварщик»), from the
    default backend with the database as its fallback, or from the named ``backend`` alone."""
    cards = ProfessionPage.objects.live().public().filter(locale=locale)

    def on(search_backend):
        return list(search_backend.autocomplete(text, cards, operator="and")[:limit])

    return on(get_search_backend(backend)) if backend else search_engine.run(on)


def vocabulary(locale):
    """The words of the titles and names in ``locale``; cached until a page is published again (or for a few
    minutes, for the atlas records)."""
    published = Page.objects.filter(locale=locale).aggregate(latest=Max("last_published_at"))["latest"]
    key = f"search-vocabulary-{locale.language_code}-{published.timestamp() if published else 0}"
    known = cache.get(key)
    if known is None:
        texts = chain(
            Page.objects.live().public().filter(locale=locale).values_list("title", flat=True),
            *(
                model.objects.filter(locale=locale).values_list("name", flat=True)
                for model in (Employer, EducationalOrganization, Sector)
            ),
        )
        known = sorted({word for text in texts for word in words(text) if len(word) > 2 and not word.isdigit()})
        cache.set(key, known, VOCABULARY_SECONDS)
    return known


def correction(text, locale):
    """``text`` with each unknown word replaced by the closest known one, or None if nothing changed.
    A word counts as known when a known word shares its stem («сварщиком» is known from «Сварщик»)."""
    known = vocabulary(locale)
    known_stems = {stem(word) for word in known}
    corrected, changed = [], False
    for word in words(text):
        if word in STOP_WORDS or word.isdigit() or len(word) < 4 or stem(word) in known_stems:
            corrected.append(word)
            continue
        close = difflib.get_close_matches(word, known, n=1, cutoff=0.75)
        corrected.append(close[0] if close else word)
        changed = changed or bool(close)
    return " ".join(corrected) if changed else None
