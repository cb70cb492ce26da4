"""Nothing personal in links or logs: the disability category a student gives never enters the result link
(anyone holding a link can read it without the key), yet still filters the results page it was posted to;
the teacher's key is in no URL a server sees; a guessed class code gets the answer a closed one gets."""

import base64
import re
import zlib
from html import unescape
from urllib.parse import parse_qs, unquote, urlparse, urlsplit

from django.conf import settings

from career.models import CareerBuilderPage, ClassSession
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
    monkeypatch.setattr(CareerBuilderPage, "results_per_page", 2)
    second = client.post(BASE + "rezultat/", {"t": token, "disability": "hearing", "page": 2}).content.decode()
    assert "Страница 2 из 3" in second and "Пилот" not in second
    assert '<button type="submit" name="page" value="3">' in second
    assert '<input type="hidden" name="disability" value="hearing">' in second
    assert "page=" not in second


def comparable(response, code):
    """The page's own content with the code put back to one placeholder and the per-response CSRF tokens
    left out, beside the status."""
    text = response.content.decode()
    main = text[text.index("<main") : text.index("</main>")].replace(code, "CODE").replace(code.lower(), "CODE")
    return response.status_code, re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", main)


def test_a_guessed_code_gets_the_same_answer_as_a_closed_one(client, career):
    closed = ClassSession.create()
    ClassSession.objects.filter(pk=closed.pk).update(expires_on=closed.created_on.replace(year=2000))
    guessed = "ZZZZZZ"
    assert not ClassSession.objects.filter(code=guessed).exists()
    answers = answers_for("sign")

    def answers_to(code):
        return [
            comparable(client.get(BASE + "oprosnik/", {"version": "plain", "layout": "steps", "code": code}), code),
            comparable(client.get(BASE + "o-sebe/", {"version": "plain", "code": code, "answers": answers}), code),
            comparable(client.post(BASE + "o-sebe/", {"version": "plain", "code": code, "answers": answers}), code),
        ]

    guessed_answers, closed_answers = answers_to(guessed), answers_to(closed.code)
    assert guessed_answers == closed_answers
    assert [status for status, _main in guessed_answers] == [200, 400, 400]
    assert "нет такого занятия или оно уже закрыто" in guessed_answers[0][1]


def urls_in(response):
    """Every address a response gives the browser: its redirect and the links, forms and scripts of its page."""
    found = [response["Location"]] if response.has_header("Location") else []
    if response.get("Content-Type", "").startswith("text/html"):
        text = unescape(response.content.decode())
        found += [v for v in re.findall(r'(?:href|action|src|value)="([^"]*)"', text) if "/" in v]
    return found


def test_the_teacher_key_is_in_no_url_a_server_sees(client, career):
    """Creating a session, the private link's page, the picture and both downloads: the key is after «#» in
    the links the teacher gets and nowhere in a path or query."""
    created = client.post(BASE + "klass/")
    session = ClassSession.objects.get()
    key = session.teacher_key
    link = urlsplit(created["Location"])
    assert (link.path, link.query, link.fragment) == (BASE + "klass/otkryt/", "", f"{session.code}.{key}")

    form_page = client.get(link.path)
    assert 'src="/static/career/class-link.js"' in form_page.content.decode()
    posted = {"code": session.code, "key": key}
    picture = client.post(BASE + "klass/otkryt/", posted)
    assert "Занятие с классом " + session.code in picture.content.decode()
    assert f'value="{settings.PUBLIC_BASE_URL}{BASE}klass/otkryt/#{session.code}.{key}"' in picture.content.decode()
    downloads = [client.post(BASE + "klass/otkryt/", {**posted, "fmt": fmt}) for fmt in ("csv", "xlsx")]
    assert [d.status_code for d in downloads] == [200, 200]

    responses = [created, form_page, picture, client.get(BASE + "klass/"), *downloads]
    addresses = [url for response in responses for url in urls_in(response)]
    assert any(key in url for url in addresses)  # the private link itself, after «#»
    for url in addresses:
        parts = urlsplit(url)
        assert key not in parts.path + parts.query, url

    # Addresses that held the key before do not open the picture: nothing invites putting it in a URL.
    assert client.get(f"{BASE}klass/{session.code}/{key}/").status_code == 404
    assert client.get(f"{BASE}klass/{session.code}/{key}/csv/").status_code == 404
    by_query = client.get(BASE + "klass/otkryt/", posted).content.decode()
    assert "Занятие с классом" not in by_query and 'name="key"' in by_query
