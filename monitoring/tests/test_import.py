"""A year's observations from a spreadsheet: dry run, every problem by row, all or nothing."""

import io

import openpyxl
from django.urls import reverse

from monitoring.exchange import run_import
from monitoring.models import Observation

HEADER = "Показатель;Район;Год;Числитель;Знаменатель;Источник;Комментарий\n"


def csv_file(body, encoding="cp1251"):
    return (HEADER + body).encode(encoding)


def check(content, name="данные-2022.csv", *, write=False, **options):
    return run_import(content, name, options, dry_run=not write)


def test_dry_run_checks_and_writes_nothing(monitoring):
    report = check(csv_file("1;Амурский муниципальный район;2022;120;1 000;ОМСУ;\n10;Хабаровский край;2022;3;;;\n"))
    assert report.ok and not report.written and not Observation.objects.exists()


def test_good_file_in_cp1251_is_written_with_computed_shares(monitoring):
    report = check(
        csv_file("1;Амурский муниципальный район;2022;120;1 000;ОМСУ;\n10;Хабаровский край;2022;3;;;\n"), write=True
    )
    assert report.written
    values = {(o.indicator.number, o.district_id): o.value for o in Observation.objects.all()}
    assert values == {(1, monitoring["amur"].pk): 12, (10, None): 3}


def test_every_bad_row_is_reported_and_nothing_is_written(monitoring):
    body = (
        "1;Амурский муниципальный район;2022;120;1000;;\n"  # fine
        "1;Ванинский муниципальный район;2022;10;0;;\n"  # denominator 0
        "1;Ванинский муниципальный район;2021;11;10;;\n"  # numerator > denominator
        "1;Несуществующий район;2022;1;10;;\n"  # unknown district
        "42;Амурский муниципальный район;2022;1;10;;\n"  # unknown indicator
        "1;Амурский муниципальный район;2019;1;10;;\n"  # year outside the programme
        "1;Ванинский муниципальный район;2023;много;10;;\n"  # not a number
        "1;Амурский муниципальный район;2022;130;1000;;\n"  # repeats row 2
    )
    report = check(csv_file(body), write=True)
    rows = {problem.row: problem.message for problem in report.problems}
    assert set(rows) == {3, 4, 5, 6, 7, 8, 9}
    assert "больше нуля" in rows[3] and "больше 100 %" in rows[4] and "в крае нет" in rows[5]
    assert "показателя нет" in rows[6] and "2019" in rows[7] and "не целое число" in rows[8] and "строку 2" in rows[9]
    values = {problem.row: problem.value for problem in report.problems}
    assert values[5] == "Несуществующий район" and values[6] == "42" and values[8] == "много"
    assert not report.written and not Observation.objects.exists()


def test_import_of_a_correction_keeps_the_history(monitoring):
    check(csv_file("1;Амурский муниципальный район;2022;120;1000;;\n"), write=True)
    check(csv_file("1;Амурский муниципальный район;2022;150;1000;;Уточнено\n"), write=True)
    assert [o.value for o in Observation.objects.order_by("pk")] == [12, 15]
    assert Observation.objects.get(is_current=True).replaces.value == 12


def test_admin_import_screen_reports_problems_from_an_xlsx(admin_client, monitoring):
    book = openpyxl.Workbook()
    for row in (
        ["Показатель", "Район", "Год", "Числитель", "Знаменатель"],
        [1, "Амурский муниципальный район", 2022, 5, 0],
    ):
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    buffer.seek(0)
    buffer.name = "2022.xlsx"
    response = admin_client.post(reverse("monitoring_import"), {"file": buffer, "write": "on"})
    html = response.content.decode()
    assert "Знаменатель должен быть больше нуля" in html and "ничего не записано" in html
    assert not Observation.objects.exists()
    broken = io.BytesIO(b"not a workbook")
    broken.name = "2022.xlsx"
    response = admin_client.post(reverse("monitoring_import"), {"file": broken})
    assert response.status_code == 200 and "это не книга Excel" in response.content.decode()
