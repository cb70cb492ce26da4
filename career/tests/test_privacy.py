"""Nothing personal in links: the disability category a student gives never enters the result link (anyone
holding a link can read it without the key), yet still filters the results page it was posted to."""

import base64
import re
import zlib
from html import unescape
from urllib.parse import parse_qs, unquote, urlparse

from career import views
from portal.disabilities import DISABILITY_CATEGORIES

from .conftest import answers_for

BASE = "/konstruktor-karery/"


def readable(token):
    """What anyone holding a link reads in its token without the key: the part before the signature is
    base64 of JSON, zlib-compressed when it starts with «.» (``Signer.sign_object(compress=True)``)."""
    payload = token.rsplit(":", 1)[0]
    compressed = payload.startswith(".")
    payload = payload.removeprefix(".")
    raw = base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4))
    return (zlib.decompress(raw) if compressed else raw).decode()


def tokens_in(text):
    """Every token a page carries: in links (share link, pages, route) and in its forms' hidden fields."""
    found = {unquote(t) for t in re.findall(r"[?&]t=([^\"&#\s<]+)", unescape(text))}
    found |= set(re.findall(r'name="t" value="([^"]+)"', text))
    return found


def test_the_category_is_in_no_link_for_any_category_and_still_filters_the_results(client, career):
    for code, label in DISABILITY_CATEGORIES:
        # A second step posted with a category (an old form, or by hand) does not put it anywhere either.
        data = {"version": "plain", "code": "", "answers": answers_for("technique"), "grade": 9, "disability": code}
        location = client.post(BASE + "o-sebe/", data)["Location"]
        assert "disability" not in location and code not in location
        token = parse_qs(urlparse(location).query)["t"][0]

        filtered = client.post(BASE + "rezultat/", {"t": token, "disability": code})
        text = filtered.content.decode()
        assert filtered.status_code == 200
        assert f'<option value="{code}" selected>' in text  # the page says which category it shows
        tokens = tokens_in(text) | {token}
        assert len(tokens) >= 1 and token in tokens_in(text)
        for each in tokens:
            decoded = readable(each)
            assert decoded.startswith("[2,"), decoded  # really decoded: the token's list, format 2
            assert code not in decoded and str(label) not in decoded, (code, decoded)
        for address in re.findall(r'(?:href|action|value)="([^"]*(?:\?|/)[^"]*)"', text):
            assert code not in unescape(address).split("#")[0], address
        assert "не сохраняется на портале" in text
        assert ("Пилот" in text) == (code != "hearing")  # only «hearing» has a profession marked not suitable


def test_a_category_filters_the_page_it_is_posted_to_and_the_link_shows_everything(client, career, monkeypatch):
    data = {"version": "plain", "code": "", "answers": answers_for("technique"), "grade": 9}
    token = parse_qs(urlparse(client.post(BASE + "o-sebe/", data)["Location"]).query)["t"][0]

    shared = client.get(BASE + "rezultat/", {"t": token}).content.decode()
    assert "Пилот" in shared and "не показана" not in shared and "Нужны световые сигналы" not in shared

    filtered = client.post(BASE + "rezultat/", {"t": token, "disability": "hearing"}).content.decode()
    assert "Пилот" not in filtered
    assert "Не показана 1 профессия, отмеченная как неподходящая при указанных ограничениях здоровья." in filtered
    assert "Нужны световые сигналы" in filtered  # the welder's condition
    assert "Ссылка показывает все профессии: выбранной категории инвалидности в ней нет." in filtered

    refused = client.post(BASE + "rezultat/", {"t": token, "disability": "flu"}).content.decode()
    assert "Пилот" in refused and "Выберите корректный вариант" in refused  # an unknown category filters nothing

    # The list's pages are buttons of a POST form that carries the category on, not links.
    monkeypatch.setattr(views, "PER_PAGE", 2)
    second = client.post(BASE + "rezultat/", {"t": token, "disability": "hearing", "page": 2}).content.decode()
    assert "Страница 2 из 3" in second and "Пилот" not in second
    assert '<button type="submit" name="page" value="3">' in second
    assert '<input type="hidden" name="disability" value="hearing">' in second
    assert "page=" not in second
