"""The colour system passes WCAG AA in every state: each pair of tokens the components draw (portal.design.PAIRS)
and each scheme of the visually-impaired version, computed from the stylesheets themselves."""

import pytest

from portal.design import colour_pairs, contrast, custom_properties, scheme_pairs, tokens


def test_the_contrast_formula_gives_the_known_ratios():
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#fff", "#fff") == pytest.approx(1.0)
    assert contrast("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)  # the lightest grey that passes on white
    assert contrast("#ffbf47", "#ffffff") < 3  # the focus yellow alone would not do, hence the dark outline


def test_the_tokens_are_read_from_the_root_rule():
    css = ":root { --a: #fff; --b : #000 ; }\nhtml.x { --a: #123; }\n:root{--c:1rem;}"
    assert custom_properties(css) == {"--a": "#fff", "--b": "#000", "--c": "1rem"}
    assert custom_properties(css, "html.x") == {"--a": "#123"}
    values = tokens()
    assert values["--brand"] == "#0b4f8a" and values["--focus"] == "#ffbf47"
    for name in ("--step--1", "--step-0", "--step-1", "--step-2", "--step-3", "--space-1", "--space-6", "--radius"):
        assert name in values


def test_every_colour_pair_passes_aa_in_every_state():
    pairs = colour_pairs()
    failing = [(p.foreground, p.background, p.ratio, p.minimum) for p in pairs if not p.passes]
    assert failing == []
    ratios = {(p.foreground, p.background): p.ratio for p in pairs}
    assert ratios[("--text", "--bg")] == 17.4
    assert ratios[("--muted", "--bg")] == 8.86
    assert ratios[("--brand", "--bg")] == 8.4
    assert ratios[("--on-brand", "--brand")] == 8.4  # a button
    assert ratios[("--on-brand", "--brand-dark")] == 11.62  # a hovered button
    assert ratios[("--brand", "--accent-bg")] == 7.58  # the open menu's links
    assert ratios[("--error", "--bg")] == 8.6
    assert ratios[("--success", "--bg")] == 6.57
    assert ratios[("--error-border", "--bg")] == 6.29


def test_every_scheme_of_the_visually_impaired_version_passes_aa():
    pairs = scheme_pairs()
    assert len(pairs) == 10
    assert [p.ratio for p in pairs if not p.passes] == []
    assert min(p.ratio for p in pairs) == 7.76  # dark blue on light blue


def test_every_colour_of_the_stylesheet_outside_the_tokens_is_a_chart_fill():
    """Components take their colours from the tokens, so the pairs above cover them; only the chart's bands
    (decorative fills under text drawn in --text) keep literal colours."""
    import re

    from portal.design import CSS_DIR

    css = (CSS_DIR / "site.css").read_text(encoding="utf-8")
    outside = [
        line.strip()
        for line in css.splitlines()
        if re.search(r"#[0-9a-fA-F]{3,6}\b", line) and not line.strip().startswith("--") and "@media print" not in line
    ]
    assert all(line.startswith(".profile-chart__band") or "#000" in line or "#fff" in line for line in outside), outside


def test_every_icon_class_draws_a_file_that_exists_and_every_icon_used_has_a_class():
    """The icons are CSS masks (site.css: .icon--name): a misspelt file would draw a solid square."""
    import re

    from home.models.pages import AUDIENCE_ICONS
    from portal import design
    from portal.templatetags.portal_tags import FILE_ICONS, file_icon

    css = (design.CSS_DIR / "site.css").read_text(encoding="utf-8")
    rules = dict(re.findall(r'\.icon--([\w-]+) \{ --icon: url\("\.\./icons/([\w/.-]+)"\); \}', css))
    assert len(rules) >= 10
    assert all((design.CSS_DIR.parent / "icons" / path).is_file() for path in rules.values())
    used = {*AUDIENCE_ICONS.values(), *FILE_ICONS.values(), "file"}
    assert used - rules.keys() == set()
    assert (file_icon("PDF"), file_icon(".xlsx"), file_icon("odp")) == (
        "icon--file-type-pdf",
        "icon--file-spreadsheet",
        "icon--file",
    )
