"""Editors' synonyms applied to a query, the same way on every backend: the query becomes «any of» its
variants, each variant with one synonym put in place of another. Matching is by stems, so «медсестры»
recognises the synonym «медсестра» and «СПО» recognises «спо»."""

from wagtail.search.query import Or, PlainText

from portal import lookups
from search.analysis import STOP_WORDS, stem, words
from search.models import SynonymGroup

MAX_VARIANTS = 8


def variants(text, groups):
    """``text`` and its rewrites with synonyms, as lists of words (stop words left out)."""
    found = [[word for word in words(text) if word not in STOP_WORDS]]
    for group in groups:
        terms = [[word for word in words(term) if word not in STOP_WORDS] for term in group]
        for current in list(found):
            current_stems = [stem(word) for word in current]
            for term in terms:
                start = _find([stem(word) for word in term], current_stems)
                if start is None:
                    continue
                for other in terms:
                    variant = current[:start] + other + current[start + len(term) :]
                    if _stems(variant) not in map(_stems, found) and len(found) < MAX_VARIANTS:
                        found.append(variant)
    return found


def _stems(variant):
    return [stem(word) for word in variant]


def _find(needle, haystack):
    for start in range(len(haystack) - len(needle) + 1):
        if needle and haystack[start : start + len(needle)] == needle:
            return start
    return None


def expand(text):
    """The Wagtail query for ``text``: all its words, or all the words of one of its synonym variants."""
    groups = lookups.lookup("synonym-groups", build=lambda: [group.term_list() for group in SynonymGroup.objects.all()])
    queries = [PlainText(" ".join(variant), operator="and") for variant in variants(text, groups) if variant]
    if not queries:
        return PlainText(text, operator="and")
    return queries[0] if len(queries) == 1 else Or(queries)
