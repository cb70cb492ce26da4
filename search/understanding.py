"""What a query asks for: its meaningful words, once the short function words (``analysis.STOP_WORDS``) and the
editors' filler words (``FillerWord``: «где», «как», «сколько», «профессия», «работа») are set aside. The
search requires the meaningful words; the filler words of a question carry its intent (a later slice routes
«сколько получает X» to the salary of X), never a term a page must hold.

When every word is filler («профессии», «работа»), they are what the visitor looks for, and are kept."""

from itertools import combinations
from math import ceil

from wagtail.search.query import Or, PlainText

from portal import lookups

from .analysis import STOP_WORDS, stem, words
from .models import FillerWord

MAX_WORDS = 6  # of a query's meaningful words the «most of the words» search combines (C(6, 4) = 15 parts)
SHARE_REQUIRED = 0.6  # of the meaningful words, for the «most of the words» search


def filler_stems():
    return lookups.lookup(
        "search-filler-stems",
        build=lambda: sorted(
            {stem(w) for entry in FillerWord.objects.values_list("word", flat=True) for w in words(entry)}
        ),
    )


def meaningful_words(text, keep_filler=True):
    """The words of ``text`` the search requires, in order (lower case, «ё» as «е»). When every word is filler,
    those words, unless ``keep_filler`` is false (the query named an entity: «работа в Амурске» asks for the
    district, not for «работа»)."""
    content = [word for word in words(text) if word not in STOP_WORDS]
    filler = set(filler_stems())
    meaningful = [word for word in content if stem(word) not in filler]
    return meaningful or (content if keep_filler else [])


def required_count(how_many):
    """How many of ``how_many`` meaningful words a result of the «most of the words» search holds: 60 % rounded
    up, and always one fewer than all — one of two, two of three, three of four or five, four of six."""
    return max(1, min(how_many - 1, ceil(how_many * SHARE_REQUIRED))) if how_many > 1 else how_many


def most_words(text, keep_filler=True):
    """A Wagtail query for the pages that hold most, not all, of the meaningful words of ``text``: any of the
    combinations of ``required_count`` words, all of each. The same query object on every backend (OpenSearch
    compiles it to a bool query of «should» clauses, the database backend to an FTS OR of ANDs), so the
    results are the same as OpenSearch's ``minimum_should_match`` would give, on both tiers. None when the
    query has fewer than two meaningful words (there is nothing less than all of one)."""
    meaningful = list(dict.fromkeys(meaningful_words(text, keep_filler)))[:MAX_WORDS]
    if len(meaningful) < 2:
        return None
    required = required_count(len(meaningful))
    parts = [PlainText(" ".join(chosen), operator="and") for chosen in combinations(meaningful, required)]
    return parts[0] if len(parts) == 1 else Or(parts)
