"""A year's observations from a spreadsheet: dry run, every problem by row, all or nothing."""

import io

import openpyxl
import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.models import ModelLogEntry

from monitoring.exchange import run_import
from monitoring.models import Observation
from portal.tests.helpers import admin_import, xlsx_bytes

HEADER = "Показатель;Район;Год;Числитель;Знаменатель;Источник;Комментарий\n"


def csv_file(body, encoding="cp1251"):
    return (HEADER + body).encode(encoding)


def check(content, name="данные-2022.csv", *, write=False, **options):
    return run_import(content, name, options, dry_run=not write)


def test_dry_run_checks_and_writes_nothing(monitoring):
    report = check(csv_file("1;Амурский муниципальный район;2022;120;1 000;ОМСУ;\n10;Хабаровский край;2022;3;;;\n"))
    assert report.ok and not report.written and not Observation.objects.exists()


def test_the_import_runs_with_the_importers_rights_and_names_them(client, monitoring, django_user_model):
    user = django_user_model.objects.create_user("omsu", password="pw-Хабаровск-2026")
    user.user_permissions.set(Permission.objects.filter(codename__in=["access_admin", "add_observation"]))
    client.force_login(user)

    def upload(numerator):
        content = csv_file(f"1;Амурский муниципальный район;2022;{numerator};1000;;\n")
        return admin_import(
            client, reverse("monitoring_import"), {"file": SimpleUploadedFile("d.csv", content)}, write=True
        )

    upload(120)
    observation = Observation.objects.get()
    assert observation.entered_by == user
    assert ModelLogEntry.objects.get(object_id=str(observation.pk), action="wagtail.create").user == user
    refused = upload(130).content.decode()  # a correction needs the permission to change observations
    assert "Вы не можете исправлять значение, внесённое ранее." in refused
    assert list(Observation.objects.values_list("numerator", flat=True)) == [120]


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
    assert "больше нуля" in rows[3] and "110\u00a0%" in rows[4] and "в крае нет" in rows[5]
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
    response = admin_import(admin_client, reverse("monitoring_import"), {"file": buffer}, write=True)
    html = response.content.decode()
    assert "Знаменатель должен быть больше нуля" in html and "ничего не записано" in html
    assert not Observation.objects.exists()
    broken = io.BytesIO(b"not a workbook")
    broken.name = "2022.xlsx"
    response = admin_import(admin_client, reverse("monitoring_import"), {"file": broken})
    assert response.status_code == 200 and "это не книга Excel" in response.content.decode()


def test_headings_and_districts_as_offices_write_them(monitoring):
    content = xlsx_bytes(
        [
            [
                "№",
                "НОМЕР ПОКАЗАТЕЛЯ",
                "Муниципальное образование ",
                "Отчётный год",
                "Значение (чел.)",
                "Знаменатель, чел.",
            ],
            [1, "1 — Доля прошедших диагностику", "Амурский район", 2022, "1\xa0200", "10 000,0"],
            [2, 10, "весь край", 2022, 3, None],
        ]
    )
    report = check(content, "2022.xlsx", write=True)
    assert report.ok and report.written, report.problems
    assert report.counts["observations"] == {"created": 2, "updated": 0, "unchanged": 0, "skipped": 0}
    values = {(o.indicator.number, o.district_id): o.value for o in Observation.objects.all()}
    assert values == {(1, monitoring["amur"].pk): 12, (10, None): 3}
    again = check(content, "2022.xlsx", write=True)  # the same figures: nothing new in the history
    assert again.counts["observations"]["unchanged"] == 2 and Observation.objects.count() == 2


def test_ambiguous_and_every_district_are_reported(monitoring):
    from atlas.factories import DistrictFactory

    DistrictFactory(name="Ванинский муниципальный округ")
    report = check(csv_file("1;Ванинский;2022;1;10;;\n1;все районы края;2022;1;10;;\n"))
    found = {p.row: (p.column, p.value, p.message) for p in report.problems}
    assert found[2][:2] == ("Район", "Ванинский") and "Ванинский муниципальный район" in found[2][2]
    assert "Ванинский муниципальный округ" in found[2][2]
    assert found[3][1] == "все районы края" and "для края в целом" in found[3][2]


def test_the_template_filled_in_imports_cleanly(admin_client, monitoring):
    response = admin_client.get(reverse("monitoring_import_template"))
    book = openpyxl.load_workbook(io.BytesIO(response.content))
    sheet = book["Данные"]
    assert [cell.value for cell in sheet[1]] == [
        "Показатель",
        "Муниципальное образование",
        "Год",
        "Значение или числитель",
        "Знаменатель",
        "Источник",
        "Комментарий",
    ]
    lists = book["Списки"]
    assert lists.sheet_state == "hidden"
    indicator, district = lists["A2"].value, lists["B3"].value
    assert indicator == "1 — Доля прошедших диагностику" and lists["B2"].value == "Хабаровский край"
    assert len(sheet.data_validations.dataValidation) == 2
    sheet.append([indicator, district, 2022, 50, 100, "ОМСУ", None])
    buffer = io.BytesIO()
    book.save(buffer)
    report = check(buffer.getvalue(), "template.xlsx", write=True)
    assert report.written, report.problems
    assert Observation.objects.get().district.name == district


def test_the_command_imports_and_reports_in_russian(monitoring, tmp_path):
    from django.core.management import CommandError, call_command

    path = tmp_path / "2022.csv"
    path.write_bytes(csv_file("1;Амурский муниципальный район;2022;много;1000;;\n"))
    with pytest.raises(CommandError, match="ничего не записано"):
        call_command("import_observations", str(path))
    path.write_bytes(csv_file("1;Амурский район;2022;120;1000;;\n"))
    call_command("import_observations", str(path))
    assert Observation.objects.get().value == 12


def test_a_row_with_four_faults_reports_all_four(monitoring):
    # An unknown district, a year outside the programme, a negative value, a denominator that is not whole: the
    # import used to stop after the district and the denominator.
    report = check(csv_file("1;Несуществующий район;2019;-5;10,5;;\n"))
    faults = {(problem.row, problem.column): problem.value for problem in report.problems}
    assert faults == {
        (2, "Район"): "Несуществующий район",
        (2, "Год"): "2019",
        (2, "Числитель"): "-5",
        (2, "Знаменатель"): "10,5",
    }
    assert not report.written and not Observation.objects.exists()


def test_a_share_over_100_percent_is_written_the_russian_way(monitoring):
    report = check(csv_file("1;Амурский муниципальный район;2022;2 511;2 000;;\n"))
    (problem,) = report.problems
    # A decimal comma, thousands parted and «%» kept on the line by non-breaking spaces: «125,55 %», not «125.55 %».
    assert "(2\u00a0511)" in problem.message and "(2\u00a0000)" in problem.message
    assert "125,55\u00a0%" in problem.message and "100\u00a0%" in problem.message
    assert "125.55" not in problem.message
