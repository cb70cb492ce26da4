"""What a visitor typed, made safe to hand to any search backend."""

MAX_QUERY_LENGTH = 200
# Wagtail's database backend passes double quotes on as phrase syntax; on SQLite an unbalanced one (or a NUL)
# makes FTS5 fail («unterminated string»). No search form of the portal offers phrase search, so quotes and
# control characters become spaces.
SYNTAX = str.maketrans({'"': " ", "\x7f": " ", **{chr(code): " " for code in range(32)}})


def plain_query(text, max_length=MAX_QUERY_LENGTH):
    """``text`` with search syntax removed, whitespace collapsed and cut to ``max_length`` characters."""
    return " ".join((text or "").translate(SYNTAX).split())[:max_length].strip()
