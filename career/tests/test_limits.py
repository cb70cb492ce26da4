"""Rate limits on the career builder (portal.limits): class codes cannot be found by guessing, and the POSTs that
count diagnostics, routes and class sessions are limited per client address, behind the proxy too. They run
on the embedded tier's shared cache and, in CI's second pass, on Redis."""

from urllib.parse import parse_qs, urlparse

import pytest

from career.models import ClassSession
from portal.client_address import trusted_networks

from .conftest import answers_for

BASE = "/konstruktor-karery/"
PROXY = "10.0.0.5"


def enter_code(client, code, **headers):
    return client.get(BASE + "oprosnik/", {"version": "plain", "layout": "steps", "code": code}, **headers)


def test_guessing_class_codes_is_throttled(client, career, settings):
    """300 guesses in a row from one address: after RATE_LIMITS["career-code"] wrong codes the address gets the
    429 page, without its codes being looked up, even for a code that is open; other addresses are not held."""
    session = ClassSession.create()
    allowed = int(settings.RATE_LIMITS["career-code"].split("/")[0])
    answers = [enter_code(client, f"ZZ{n:04d}").status_code for n in range(300)]
    assert answers == [200] * allowed + [429] * (300 - allowed)
    refused = enter_code(client, session.code)
    assert refused.status_code == 429 and "Слишком много запросов" in refused.content.decode()
    # A student at another school enters the real code and starts.
    started = enter_code(client, session.code, REMOTE_ADDR="198.51.100.40")
    assert started.status_code == 200 and "Вопрос 1 из 20" in started.content.decode()


def test_guessing_teacher_links_is_throttled(client, career, settings):
    """The teacher's form takes a code and a key by POST: wrong ones count as wrong codes, and then even the
    right pair waits (a key cannot be guessed, but the codes it is tried with could be probed)."""
    session = ClassSession.create()
    allowed = int(settings.RATE_LIMITS["career-code"].split("/")[0])
    url = BASE + "klass/otkryt/"
    answers = [client.post(url, {"code": session.code, "key": f"wrong{n}"}).status_code for n in range(allowed + 5)]
    assert answers == [404] * allowed + [429] * 5
    refused = client.post(url, {"code": session.code, "key": session.teacher_key})
    assert refused.status_code == 429
    opened = client.post(url, {"code": session.code, "key": session.teacher_key}, REMOTE_ADDR="198.51.100.40")
    assert opened.status_code == 200 and session.code in opened.content.decode()


def test_a_class_entering_the_right_code_is_never_throttled(client, career, settings):
    """Thirty students behind one school address, each with the code on every screen: only wrong codes count."""
    session = ClassSession.create()
    for _ in range(30):
        for number in (1, 2, 3):
            response = client.get(
                BASE + "oprosnik/", {"version": "plain", "layout": "steps", "code": session.code, "n": number}
            )
            assert response.status_code == 200


def test_the_second_step_and_the_route_are_limited_per_address(client, career, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "career-step": "2/h"}
    data = {"version": "plain", "code": "", "answers": answers_for("technique"), "grade": 9}
    first = client.post(BASE + "o-sebe/", data)
    assert first.status_code == 302
    token = parse_qs(urlparse(first["Location"]).query)["t"][0]
    assert client.post(BASE + "marshrut/", {"t": token, "profession": career["welder"].pk}).status_code == 302
    assert client.post(BASE + "o-sebe/", data).status_code == 429
    assert client.post(BASE + "marshrut/", {"t": token, "profession": career["welder"].pk}).status_code == 429
    # Reading is not limited: the results and the form of the second step still open.
    assert client.get(first["Location"]).status_code == 200
    assert client.get(BASE + "o-sebe/", {k: v for k, v in data.items() if k != "grade"}).status_code == 200


@pytest.mark.parametrize("forged", [None, "192.0.2.1", "192.0.2.1, 192.0.2.2"])
def test_class_sessions_behind_the_proxy_are_counted_per_teacher(client, career, settings, forged):
    """The deployment's proxy is the connection of every visitor; each teacher is counted by the address the proxy
    appended, whatever X-Forwarded-For the teacher's browser sent itself."""
    settings.TRUSTED_PROXIES = trusted_networks(["10.0.0.0/8"])
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "career-session": "3/h"}

    def create(teacher):
        chain = f"{forged}, {teacher}" if forged else teacher
        return client.post(BASE + "klass/", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=chain).status_code

    assert [create("203.0.113.1") for _ in range(4)] == [302, 302, 302, 429]
    assert [create(f"198.51.100.{n}") for n in range(1, 7)] == [302] * 6  # six other schools, through the proxy
    assert ClassSession.objects.count() == 3 + 6
