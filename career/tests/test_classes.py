"""Class sessions: the code, the anonymous picture and its download, the rate limit, and a look at the whole
database afterwards for anything personal."""

import csv
import io
import re
from urllib.parse import parse_qs, urlparse, urlsplit

from django.db import connection, models
from openpyxl import load_workbook

from career.models import ClassResult, ClassSession

from .conftest import answers_for, send_second_step

BASE = "/konstruktor-karery/"
STUDENT_ADDRESSES = ["203.0.113.7", "198.51.100.23", "192.0.2.99"]
TEACHER_ADDRESS = "203.0.113.250"


def create_session(client):
    """A new session's private link, where the teacher is sent: the key is after «#» only."""
    response = client.post(BASE + "klass/", REMOTE_ADDR=TEACHER_ADDRESS)
    assert response.status_code == 302
    return response["Location"]


def open_picture(client, link, **extra):
    """What class-link.js posts for the private link: the code and the key from after «#»."""
    code, key = urlsplit(link).fragment.split(".", 1)
    return client.post(BASE + "klass/otkryt/", {"code": code, "key": key, **extra})


def take(client, code, answers, address, *, route_to=None, grade=8, **about):
    """One student: the start form with the class code, the second step, and optionally a route."""
    start = client.get(
        BASE + "oprosnik/", {"version": "plain", "layout": "page", "code": code.lower()}, REMOTE_ADDR=address
    )
    assert start.status_code == 200 and "Вопрос 1 из 20" in start.content.decode()
    data = {"version": "plain", "code": code, "answers": answers, "grade": grade, **about}
    results = send_second_step(client, data, REMOTE_ADDR=address)
    assert results.status_code == 302
    if route_to is not None:
        token = parse_qs(urlparse(results["Location"]).query)["t"][0]
        assert (
            client.post(BASE + "marshrut/", {"t": token, "profession": route_to.pk}, REMOTE_ADDR=address).status_code
            == 302
        )


def test_a_whole_class_session_gives_the_anonymous_picture_and_stores_nothing_personal(client, career):
    teacher_url = create_session(client)
    session = ClassSession.objects.get()
    assert teacher_url == f"{BASE}klass/otkryt/#{session.code}.{session.teacher_key}"
    assert re.fullmatch(r"[2-9A-HJKMNP-Z]{6}", session.code)

    take(
        client,
        session.code,
        answers_for("technique"),
        STUDENT_ADDRESSES[0],
        route_to=career["welder"],
        district="amurskii",
    )
    take(client, session.code, answers_for("technique"), STUDENT_ADDRESSES[1], route_to=career["welder"])
    take(client, session.code, answers_for("nature"), STUDENT_ADDRESSES[2], grade=10)
    assert ClassResult.objects.count() == 3

    page = open_picture(client, teacher_url).content.decode()
    assert "Опросник прошли 3 ученика" in page and "маршрут построили 2" in page
    rows = dict(re.findall(r'<th scope="row">([^<]+)</th><td>(\d+)</td>', page))
    assert rows["человек – техника"] == "2" and rows["человек – природа"] == "1" and rows["человек – человек"] == "0"
    assert "Сварщик — 2" in page  # chosen for a route twice

    # Nothing personal anywhere in the database: no student's address, no names, no time of day.
    text = dump_database()
    for address in [*STUDENT_ADDRESSES, TEACHER_ADDRESS]:
        assert address not in text
    for model in (ClassSession, ClassResult):
        kinds = {type(field) for field in model._meta.concrete_fields}
        assert models.DateTimeField not in kinds and models.GenericIPAddressField not in kinds
        names = {field.name for field in model._meta.concrete_fields}
        assert not names & {"name", "first_name", "last_name", "birthday", "birth_date", "ip", "address", "email"}


def dump_database():
    """Every row of every table the database has (not only the models': search index tables too), as text."""
    chunks = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608 - names from the database
            chunks.extend(repr(row) for row in cursor.fetchall())
    assert len(chunks) > 100  # the pages, the atlas, the results: it really read the database
    return "\n".join(chunks)


def test_the_class_data_downloads_as_csv_and_xlsx(client, career):
    teacher_url = create_session(client)
    code = ClassSession.objects.get().code
    take(client, code, answers_for("sign"), STUDENT_ADDRESSES[0], route_to=career["programmer"])
    take(client, code, "a" * 20, STUDENT_ADDRESSES[1])

    response = open_picture(client, teacher_url, fmt="csv")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:3] == ["№", "Классы", "человек – природа"]
    assert len(rows) == 3
    first = rows[1]
    assert first[1] == "8-9" and first[5] == "8" and first[-1] == "Программист"
    assert rows[2][2:7] == ["4", "4", "4", "4", "4"]  # the all-«a» tie
    assert rows[2][7].count(",") == 4  # all five types lead

    xlsx = open_picture(client, teacher_url, fmt="xlsx")
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    assert [cell.value for cell in sheet[2]][-1] == "Программист"
    assert open_picture(client, teacher_url, fmt="pdf").status_code == 404


def test_wrong_keys_and_unknown_codes_get_one_answer(client, career):
    create_session(client)
    session = ClassSession.objects.get()
    expired = ClassSession.create()
    ClassSession.objects.filter(pk=expired.pk).update(expires_on=expired.created_on.replace(year=2000))
    answers = set()
    for code, key, extra in (
        ("ZZZZZZ", session.teacher_key, {}),  # a code that never existed, with a real key
        (session.code, "abc", {}),
        (session.code, "x", {"fmt": "csv"}),
        (session.code, "ключ", {}),  # a non-ASCII key: compare_digest refuses str with such characters
        (expired.code, session.teacher_key, {}),  # a closed session, a wrong key
    ):
        response = client.post(BASE + "klass/otkryt/", {"code": code, "key": key, **extra})
        text = response.content.decode()
        assert "Ни одно занятие не открывается этим кодом и ключом" in text
        main = text[text.index("<main") : text.index("</main>")]
        answers.add((response.status_code, re.sub(r'value="[^"]*"', "", main)))
    assert len(answers) == 1 and answers.pop()[0] == 404
    # Closed, the session still shows the teacher the picture.
    link = f"{BASE}klass/otkryt/#{expired.code}.{expired.teacher_key}"
    assert open_picture(client, link).status_code == 200


def test_an_expired_session_no_longer_takes_students(client, career):
    create_session(client)
    session = ClassSession.objects.get()
    session.expires_on = session.created_on.replace(year=session.created_on.year - 1)
    session.save()
    response = client.get(BASE + "oprosnik/", {"version": "plain", "layout": "steps", "code": session.code})
    assert "не открывает занятие с классом" in response.content.decode()


def test_session_creation_is_rate_limited_per_address(client, career, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "career-session": "3/h"}
    for _ in range(3):
        create_session(client)
    refused = client.post(BASE + "klass/", REMOTE_ADDR=TEACHER_ADDRESS)
    assert refused.status_code == 429
    assert "слишком много занятий" in refused.content.decode()
    assert client.post(BASE + "klass/", REMOTE_ADDR="198.51.100.1").status_code == 302  # another school
    assert ClassSession.objects.count() == 3 + 1


def test_a_session_closed_while_answering_lets_the_student_go_on_without_it(client, career):
    create_session(client)
    session = ClassSession.objects.get()
    answers = answers_for("human")
    ClassSession.objects.update(expires_on=session.created_on.replace(year=session.created_on.year - 1))
    response = client.post(BASE + "o-sebe/", {"version": "plain", "code": session.code, "answers": answers, "grade": 7})
    text = response.content.decode()
    assert response.status_code == 400 and f"Код «{session.code}» не открывает занятие с классом" in text
    onward = re.search(r'href="([^"]*o-sebe/[^"]*)"', text).group(1).replace("&amp;", "&")
    assert "code=" not in onward and answers in onward
    assert client.get(onward).status_code == 200
    assert not ClassResult.objects.exists()


def test_replayed_posts_do_not_inflate_the_class_picture(client, career):
    from career.classes import class_picture

    create_session(client)
    session = ClassSession.objects.get()
    state = {"version": "plain", "code": session.code, "answers": answers_for("technique")}
    form = client.get(BASE + "o-sebe/", state).content.decode()
    data = {**state, "grade": 8, "nonce": re.search(r'name="nonce" value="([^"]+)"', form).group(1)}
    locations = {client.post(BASE + "o-sebe/", data)["Location"] for _ in range(20)}
    assert len(locations) == 1
    token = parse_qs(urlparse(locations.pop()).query)["t"][0]
    for _ in range(20):
        assert client.post(BASE + "marshrut/", {"t": token, "profession": career["welder"].pk}).status_code == 302
    picture = class_picture(session)
    assert (picture["count"], picture["routes"], picture["chosen"]) == (1, 1, [("Сварщик", 1)])
    assert ClassResult.objects.count() == 1
