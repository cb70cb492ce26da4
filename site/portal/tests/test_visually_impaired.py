"""The version for the visually impaired: a cookie the server applies, buttons that work without JavaScript."""

import pytest

from portal.accessibility import COOKIE, Settings


@pytest.mark.parametrize(
    "raw",
    [
        "garbage",
        "on=1&scheme=pink",
        "on=2",
        "size=9",
        "on=1&evil=1",
        "%%%",
        "on=1&" + "x" * 300,
        "scheme",
        "panel=half",
    ],
)
def test_garbage_cookie_values_are_rejected(raw):
    assert Settings.from_cookie(raw) is None


def test_cookie_round_trip():
    settings = Settings().change("scheme", "wb").change("size", "3").change("images", "off")
    assert settings.enabled and Settings.from_cookie(settings.to_cookie()) == settings
    assert settings.html_classes.split() == [
        "a11y",
        "a11y-size-3",
        "a11y-scheme-wb",
        "a11y-images-off",
        "a11y-spacing-normal",
        "a11y-font-sans",
        "a11y-speech-off",
    ]
    assert settings.change("scheme", "neon") == settings  # unknown values change nothing
    assert settings.change("reset", "1") == Settings(enabled=True)


def test_pages_are_rendered_in_the_chosen_mode(client, site_tree):
    client.cookies[COOKIE] = Settings().change("scheme", "blue").change("font", "serif").to_cookie()
    html = client.get("/").content.decode()
    assert 'class="a11y a11y-size-1 a11y-scheme-blue' in html and "a11y-font-serif" in html
    assert "/static/portal/css/a11y.css" in html
    assert 'aria-pressed="true" class="a11y-button a11y-button--scheme-blue"' in html
    assert html.count('aria-pressed="true"') == len(Settings().groups())  # one pressed button per group


def test_standard_mode_has_only_the_switch(client, site_tree):
    html = client.get("/").content.decode()
    assert '<html lang="ru">' in html and "a11y.css" not in html
    assert "Версия для слабовидящих" in html and 'name="enabled" value="1"' in html


def test_buttons_set_the_cookie_and_return_to_the_page(client, site_tree):
    response = client.post("/accessibility/settings/", {"enabled": "1", "next": "/events/?year=2022"})
    assert response.status_code == 302 and response["Location"] == "/events/?year=2022"
    assert Settings.from_cookie(response.cookies[COOKIE].value).enabled
    response = client.post("/accessibility/settings/", {"scheme": "green", "next": "/"})
    assert Settings.from_cookie(response.cookies[COOKIE].value).scheme == "green"
    response = client.post("/accessibility/settings/", {"enabled": "0", "next": "https://evil.example/"})
    assert response["Location"] == "/"  # never redirected off the site
    assert not Settings.from_cookie(response.cookies[COOKIE].value).enabled


def test_garbage_cookie_is_ignored_and_replaced(client, site_tree):
    client.cookies[COOKIE] = "on=1&scheme=<script>"
    response = client.get("/")
    assert response.status_code == 200
    assert '<html lang="ru">' in response.content.decode()  # the standard mode
    assert Settings.from_cookie(response.cookies[COOKIE].value) == Settings()


def test_settings_view_only_accepts_post(client, site_tree):
    assert client.get("/accessibility/settings/").status_code == 405


def test_the_panel_folds_into_one_row_and_stays_folded(client, site_tree):
    """The settings are a disclosure, unfolded when the version is switched on; «Свернуть настройки» (or the
    disclosure, through its script) folds them, and every later page arrives folded until they are unfolded."""
    client.post("/accessibility/settings/", {"enabled": "1", "next": "/"})
    html = client.get("/").content.decode()
    assert '<details class="a11y-panel__settings" data-remember-url="/accessibility/settings/" open>' in html
    assert "<summary>Настройки</summary>" in html and 'name="panel" value="closed"' in html
    folded = client.post("/accessibility/settings/", {"panel": "closed", "next": "/"})
    assert Settings.from_cookie(folded.cookies[COOKIE].value) == Settings(enabled=True, panel="closed")
    html = client.get("/events/").content.decode()
    assert '<details class="a11y-panel__settings" data-remember-url="/accessibility/settings/">' in html
    assert "a11y-panel" not in Settings(enabled=True, panel="closed").html_classes  # the page's look is unchanged
    client.post("/accessibility/settings/", {"panel": "open", "next": "/"})
    assert '__settings" data-remember-url="/accessibility/settings/" open>' in client.get("/").content.decode()
    assert Settings(enabled=True).change("panel", "sideways") == Settings(enabled=True)
