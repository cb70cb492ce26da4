"""What a query that found nothing was missing, and the «unanswered» report grouped by it.

When a query is first logged as unanswered (``query_log.write_counts``, in the task queue, off the request), each
of its meaningful words (``understanding.meaningful_words``) is searched for on its own, with the editors'
synonyms, in the pages and atlas records the site search looks in: the words that find nothing are what the
site lacks («зарплата сантехника»: «сантехника»). The report groups the queries by those words' stems
(``analysis.stem``), so «зарплата сантехника» and «сантехник вакансии» fall under «сантехник», and offers to
promote a page for them (Wagtail's search promotions) or to add a synonym (``SynonymGroup``).

The report reads the list once (two queries with the filler words) and groups it here, whatever its length."""

import logging
from dataclasses import dataclass, field

from wagtail.search.backends import get_search_backend

from portal.pages import public_pages

from .analysis import stem
from .models import UnansweredQuery
from .site_search import RECORD_KINDS
from .synonyms import expand
from .understanding import meaningful_words

logger = logging.getLogger(__name__)
MAX_LENGTH = UnansweredQuery._meta.get_field("missing").max_length


def searched_scopes():
    """What the site search looks in: public pages and the atlas records with pages of their own, every language."""
    return [public_pages(), *(model.objects.all() for model in RECORD_KINDS.values())]


def finds_anything(word):
    query = expand(word)
    backend = get_search_backend()
    return any(list(backend.search(query, scope, order_by_relevance=False)[:1]) for scope in searched_scopes())


def missing_words(text):
    """The meaningful words of ``text`` that find nothing on their own, separated by spaces. "" when each finds
    something (only their combination finds nothing) or when the search cannot tell: the report then counts every
    meaningful word of the query."""
    missing = []
    try:
        for word in dict.fromkeys(meaningful_words(text)):
            if not finds_anything(word):
                missing.append(word)
    except Exception:  # an index that cannot answer now: the word list stays unknown, the count is kept
        logger.warning("Could not tell what the query %r was missing", text, exc_info=True)
        return ""
    joined = " ".join(missing)
    return joined if len(joined) <= MAX_LENGTH else joined[:MAX_LENGTH].rsplit(" ", 1)[0]


@dataclass
class MissingGroup:
    """The unanswered queries missing one word (by its stem)."""

    stem: str
    forms: dict = field(default_factory=dict)  # the word as asked -> searches
    queries: list = field(default_factory=list)  # (query, searches), most asked first
    count: int = 0  # searches of the group's queries
    last_seen: object = None
    query_ids: list = field(default_factory=list)

    @property
    def word(self):
        """The form to show: the shortest one asked («сантехник» of «сантехника», «сантехник»), then the most asked."""
        return min(self.forms, key=lambda form: (len(form), -self.forms[form], form))

    @property
    def query_list(self):
        return "; ".join(text for text, _hits in self.queries)


def groups(rows=None):
    """The unanswered queries grouped by what they were missing, most searched first. A query missing two words is
    in both groups."""
    if rows is None:
        rows = UnansweredQuery.objects.select_related("query").order_by("-hits", "query__query_string")
    found = {}
    for row in rows:
        text = row.query.query_string
        words = row.missing.split() or list(dict.fromkeys(meaningful_words(text)))
        for word in dict.fromkeys(words):
            group = found.setdefault(stem(word), MissingGroup(stem(word)))
            group.forms[word] = group.forms.get(word, 0) + row.hits
            group.queries.append((text, row.hits))
            group.query_ids.append(row.query_id)
            group.count += row.hits
            group.last_seen = max(filter(None, [group.last_seen, row.last_asked]))
    for group in found.values():
        group.queries.sort(key=lambda item: (-item[1], item[0]))
    return sorted(found.values(), key=lambda group: (-group.count, group.word))
