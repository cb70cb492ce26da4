"""The design tokens as the stylesheets define them, and the colour pairs the portal uses, with their WCAG contrast.

The pairs are the ones components actually draw (a token for the text or the line, a token for what is under it), in
every state (hover, open, selected, error). The test in portal/tests/test_design.py holds each to its minimum: 4.5:1
for text, 3:1 for the lines and borders that show a control (WCAG 1.4.3, 1.4.11). docs/design.md lists them; the
pattern page for editors (/admin/patterns/) shows the table with the ratios computed here."""

import re
from dataclasses import dataclass
from pathlib import Path

from django.utils.translation import gettext_lazy as _

CSS_DIR = Path(__file__).parent / "static" / "portal" / "css"
TEXT, NON_TEXT = 4.5, 3.0

# (text or line, background, minimum, where)
PAIRS = [
    ("--text", "--bg", TEXT, _("body text")),
    ("--muted", "--bg", TEXT, _("secondary text: card kinds, credits, demonstration-data marks")),
    ("--brand", "--bg", TEXT, _("links; the menu button and the version switch, outlined")),
    ("--brand-dark", "--bg", TEXT, _("a hovered link")),
    ("--on-brand", "--brand", TEXT, _("a button; the open menu button; a selected suggestion")),
    ("--on-brand", "--brand-dark", TEXT, _("a hovered button")),
    ("--brand", "--accent-bg", TEXT, _("links in the menu panel and the audience boxes; a hovered outlined button")),
    ("--brand-dark", "--accent-bg", TEXT, _("a hovered link on a tinted background")),
    ("--text", "--accent-bg", TEXT, _("text in the menu panel and the audience boxes")),
    ("--on-focus", "--focus", TEXT, _("the skip link when it has focus")),
    ("--error", "--bg", TEXT, _("a field's error message; a missed target")),
    ("--text", "--error-bg", TEXT, _("text of an error callout; a row below its target")),
    ("--success", "--bg", TEXT, _("a target met")),
    ("--text", "--success-bg", TEXT, _("text of a success callout")),
    ("--text", "--easy-read-bg", TEXT, _("the «in simple words» box")),
    ("--text", "--mark-bg", TEXT, _("the search words marked in results")),
    ("--text", "--footer-bg", TEXT, _("footer text")),
    ("--brand", "--footer-bg", TEXT, _("footer links")),
    ("--muted", "--bg", NON_TEXT, _("the border of a form field")),
    ("--error-border", "--bg", NON_TEXT, _("the border of a field with an error")),
    ("--brand", "--bg", NON_TEXT, _("the border of a badge, the header's rule")),
    ("--text", "--bg", NON_TEXT, _("the focus outline")),
    ("--text", "--focus", NON_TEXT, _("the focus outline against its yellow halo")),
]
# The visually-impaired version's schemes (a11y.css): text and links in one colour on one background.
SCHEMES = [
    ("html.a11y", _("black on white")),
    ("html.a11y-scheme-wb", _("white on black")),
    ("html.a11y-scheme-blue", _("dark blue on light blue")),
    ("html.a11y-scheme-brown", _("brown on beige")),
    ("html.a11y-scheme-green", _("green on dark brown")),
]


def custom_properties(css, selector=":root"):
    """{--name: value} declared in the rule ``selector { … }`` of ``css`` (every such rule, in order)."""
    found = {}
    for body in re.findall(rf"(?:^|[}}\s]){re.escape(selector)}\s*\{{([^}}]*)\}}", css):
        found.update(re.findall(r"(--[\w-]+)\s*:\s*([^;]+);", body))
    return {name: value.strip() for name, value in found.items()}


def tokens():
    return custom_properties((CSS_DIR / "site.css").read_text(encoding="utf-8"))


def rgb(value):
    value = value.strip().lstrip("#")
    if len(value) == 3:
        value = "".join(c * 2 for c in value)
    if not re.fullmatch(r"[0-9a-fA-F]{6}", value):
        raise ValueError(f"not a hex colour: {value!r}")
    return tuple(int(value[i : i + 2], 16) for i in (0, 2, 4))


def luminance(value):
    def channel(c):
        c /= 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb(value))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(first, second):
    """The WCAG 2 contrast ratio of two hex colours, from 1 to 21."""
    high, low = sorted((luminance(first), luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@dataclass
class Pair:
    foreground: str
    background: str
    foreground_value: str
    background_value: str
    minimum: float
    where: str

    @property
    def ratio(self):
        return round(contrast(self.foreground_value, self.background_value), 2)

    @property
    def passes(self):
        return contrast(self.foreground_value, self.background_value) >= self.minimum


def colour_pairs():
    values = tokens()
    return [Pair(fg, bg, values[fg], values[bg], minimum, where) for fg, bg, minimum, where in PAIRS]


def scheme_pairs():
    css = (CSS_DIR / "a11y.css").read_text(encoding="utf-8")
    pairs = []
    for selector, where in SCHEMES:
        values = custom_properties(css, selector)
        for name in ("--a11y-text", "--a11y-link"):
            pairs.append(Pair(name, "--a11y-bg", values[name], values["--a11y-bg"], TEXT, where))
    return pairs
