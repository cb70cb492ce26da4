"""The excerpt under a result, with the words of the query marked: computed here from the same stems on
every backend, so the page looks the same whichever backend answered."""

import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

from search.analysis import STOP_WORDS, stem, words

TOKEN = re.compile(r"\w+|\W+")
WINDOW = 30  # words shown around the first match


def query_stems(text):
    return {stem(word) for word in words(text) if word not in STOP_WORDS}


def excerpt(text, stems):
    """``text`` shortened to about WINDOW words around the first matching word, matches in <mark>."""
    tokens = TOKEN.findall(text or "")
    word_positions = [i for i, token in enumerate(tokens) if token[0].isalnum() or token[0] == "_"]
    matches = [i for i in word_positions if stem(token_word(tokens[i])) in stems]
    if len(word_positions) > WINDOW:
        first = word_positions.index(matches[0]) if matches else 0
        start_word = max(0, first - WINDOW // 3)
        start = word_positions[start_word]
        end_word = min(len(word_positions) - 1, start_word + WINDOW)
        end = word_positions[end_word] + 1
        tokens = (["…"] if start else []) + tokens[start:end] + (["…"] if end < len(tokens) else [])
        matches = [i - start + (1 if start else 0) for i in matches if start <= i < end]
    marked = set(matches)
    return mark_safe(
        "".join(f"<mark>{escape(token)}</mark>" if i in marked else escape(token) for i, token in enumerate(tokens))
    )


def token_word(token):
    return token.lower().replace("ё", "е")
