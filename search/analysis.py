"""Russian and English word analysis for the embedded search backend and for highlighting.

PostgreSQL (the ``russian`` text-search configuration) and OpenSearch (``portal/search_settings.py``)
analyse text themselves; SQLite's FTS5 cannot, so the embedded backend stores and queries the output of
``analyse``: lower case, «ё» read as «е», words split at hyphens and punctuation, short function words
dropped, and every word reduced to its Snowball stem — the Russian stemmer for Cyrillic words, the English
one for Latin words (the same split PostgreSQL's ``russian`` configuration makes).
"""

import re
from functools import lru_cache

import snowballstemmer
from stop_words import get_stop_words

WORD = re.compile(r"\w+")
CYRILLIC = re.compile(r"[а-я]")
LATIN = re.compile(r"[a-z]")

_RUSSIAN = snowballstemmer.stemmer("russian")
_ENGLISH = snowballstemmer.stemmer("english")


def words(text):
    """The words of ``text``, lower case, «ё» written as «е»."""
    return WORD.findall(text.lower().replace("ё", "е"))


# The stop-words package's Russian list mixes function words with content words that matter here («человек»,
# as in Klimov's «человек–техника», «жизнь», «год»); only its words of up to three letters are dropped —
# prepositions, conjunctions, particles, short pronouns («для», «и», «на», «не») — as the other backends drop
# theirs. Its English list is left out: it holds country codes such as «it» (as in «IT-специалист»).
STOP_WORDS = frozenset(
    word for entry in get_stop_words("russian") for word in words(entry) if len(word) <= 3 and not word.isdigit()
)


@lru_cache(maxsize=50_000)
def stem(word):
    """The Snowball stem of one lower-case word; numbers and other scripts unchanged."""
    if CYRILLIC.search(word):
        return _RUSSIAN.stemWord(word)
    if LATIN.search(word):
        return _ENGLISH.stemWord(word)
    return word


def stems(text):
    """The stems of the words of ``text`` that are not stop words, in order."""
    return [stem(word) for word in words(text) if word not in STOP_WORDS]


def analyse(text):
    """``text`` as the embedded index stores it: its stems separated by spaces."""
    return " ".join(stems(text))
