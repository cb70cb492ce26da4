"""Django's ``{# … #}`` comment ends on its own line: one that runs onto the next line is not a comment, and the
visitor reads it (an English lesson page showed its materials list's comment as text). Longer comments take
``{% comment %}``."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
SKIPPED = {".venv", "node_modules", "var"}


def unclosed_comments(text):
    """The lines of ``text`` that open ``{#`` without closing it on the same line."""
    return [number for number, line in enumerate(text.splitlines(), 1) if line.count("{#") > line.count("#}")]


def test_the_check_finds_a_comment_running_onto_the_next_line():
    assert unclosed_comments("{# one line #}\n<p>{# opened\nclosed #}</p>") == [2]
    assert unclosed_comments("{% comment %}\nlong\n{% endcomment %}") == []


def test_no_template_opens_a_one_line_comment_it_does_not_close():
    templates = [p for p in sorted(ROOT.rglob("templates/**/*.html")) if SKIPPED.isdisjoint(p.relative_to(ROOT).parts)]
    assert len(templates) > 100
    found = {str(p.relative_to(ROOT)): unclosed_comments(p.read_text("utf-8")) for p in templates}
    assert {path: lines for path, lines in found.items() if lines} == {}
