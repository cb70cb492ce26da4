"""Class sessions: the code, the anonymous picture and its download, the rate limit, and a look at the whole
database afterwards for anything personal."""

import csv
import io
import re
from urllib.parse import parse_qs, urlparse

from django.db import connection, models
from openpyxl import load_workbook

from career.models import ClassResult, ClassSession

from .conftest import answers_for

BASE = "/konstruktor-karery/"
STUDENT_ADDRESSES = ["203.0.113.7", "198.51.100.23", "192.0.2.99"]
TEACHER_ADDRESS = "203.0.113.250"


def create_session(client):
    response = client.post(BASE + "klass/", REMOTE_ADDR=TEACHER_ADDRESS)
    assert response.status_code == 302
    return response["Location"]


def take(client, code, answers, address, *, route_to=None, grade=8, **about):
    """One student: the start form with the class code, the second step, and optionally a route."""
    start = client.get(
        BASE + "oprosnik/", {"version": "plain", "layout": "page", "code": code.lower()}, REMOTE_ADDR=address
    )
    assert start.status_code == 200 and "Вопрос 1 из 20" in start.content.decode()
    data = {"version": "plain", "code": code, "answers": answers, "grade": grade, **about}
    results = client.post(BASE + "o-sebe/", data, REMOTE_ADDR=address)
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
    assert teacher_url == f"{BASE}klass/{session.code}/{session.teacher_key}/"
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
    take(client, session.code, answers_for("nature"), STUDENT_ADDRESSES[2], grade=10, disability="hearing")
    assert ClassResult.objects.count() == 3

    page = client.get(teacher_url).content.decode()
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

    response = client.get(teacher_url + "csv/")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:3] == ["№", "Классы", "человек – природа"]
    assert len(rows) == 3
    first = rows[1]
    assert first[1] == "8-9" and first[5] == "8" and first[-1] == "Программист"
    assert rows[2][2:7] == ["4", "4", "4", "4", "4"]  # the all-«a» tie
    assert rows[2][7].count(",") == 4  # all five types lead

    xlsx = client.get(teacher_url + "xlsx/")
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    assert [cell.value for cell in sheet[2]][-1] == "Программист"
    assert client.get(teacher_url + "pdf/").status_code == 404


def test_wrong_keys_and_unknown_codes_get_a_message(client, career):
    teacher_url = create_session(client)
    code = ClassSession.objects.get().code
    for address in (
        teacher_url.replace(code, "ZZZZZZ"),
        teacher_url[:-4] + "abc/",
        f"{BASE}klass/{code}/x/csv/",
        teacher_url[:-4] + "ключ/",  # a non-ASCII key: compare_digest refuses str with such characters
        f"{BASE}klass/{code}/ключ/csv/",
    ):
        response = client.get(address)
        assert response.status_code == 404
        assert "По этому адресу нет занятия с классом" in response.content.decode()
    response = client.get(BASE + "oprosnik/", {"version": "plain", "layout": "steps", "code": "XXXXXX"})
    assert "Нет открытого занятия с кодом «XXXXXX»" in response.content.decode()


def test_an_expired_session_no_longer_takes_students(client, career):
    create_session(client)
    session = ClassSession.objects.get()
    session.expires_on = session.created_on.replace(year=session.created_on.year - 1)
    session.save()
    response = client.get(BASE + "oprosnik/", {"version": "plain", "layout": "steps", "code": session.code})
    assert "Нет открытого занятия" in response.content.decode()


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
    assert response.status_code == 400 and f"Нет открытого занятия с кодом «{session.code}»" in text
    onward = re.search(r'href="([^"]*o-sebe/[^"]*)"', text).group(1).replace("&amp;", "&")
    assert "code=" not in onward and answers in onward
    assert client.get(onward).status_code == 200
    assert not ClassResult.objects.exists()
