"""What a visitor typed, made safe to hand to any search backend."""

MAX_QUERY_LENGTH = 200
# Wagtail's database backend passes double quotes on as phrase syntax; on SQLite an unbalanced one (or a NUL)
# makes FTS5 fail («unterminated string»). No search form of the portal offers phrase search, so quotes and
# control characters become spaces.
SYNTAX = str.maketrans({'"': " ", "\x7f": " ", **{chr(code): " " for code in range(32)}})


def plain_query(text, max_length=MAX_QUERY_LENGTH):
    """``text`` with search syntax removed, whitespace collapsed and cut to ``max_length`` characters."""
    return " ".join((text or "").translate(SYNTAX).split())[:max_length].strip()


def whole_number(text, low, high):
    """``text`` as an int from ``low`` to ``high``, or None when it is anything else. Only ASCII digits count:
    ``str.isdigit()`` is also true for «²» or «①», which ``int()`` refuses, and ``int()`` takes «٣» and «1_0»;
    a digit string far longer than the bounds is refused before it is converted."""
    text = text or ""
    if not (text.isascii() and text.isdigit()) or len(text) > len(str(high)):
        return None
    number = int(text)
    return number if low <= number <= high else None
