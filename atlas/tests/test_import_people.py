"""Imports that take what people send: a ministry office's spreadsheet, districts as people write them,
malformed files, the XLSX template, and the export → import round trip with every field filled."""

import datetime
import io
import json

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command

from atlas.exchange import RESOURCES, run_import
from atlas.factories import DistrictFactory, EmployerFactory, OrganisationFactory, SectorFactory
from atlas.models import InvestmentProject, ProfessionPage, SchoolSubject, Sector, Specialty
from atlas.models.pages import items
from portal.importing import ImportReport
from portal.tests.helpers import admin_import, xlsx_bytes

DISTRICTS = [
    "Городской округ «Город Хабаровск»",
    "Городской округ «Город Комсомольск-на-Амуре»",
    "Хабаровский муниципальный район",
    "Муниципальный район имени Лазо",
    "Амурский муниципальный район",
]


@pytest.fixture
def krai(atlas):
    SectorFactory(name="Авиастроение")
    SectorFactory(name="Судостроение")
    for name in DISTRICTS:
        DistrictFactory(name=name)
    return atlas


def check(kind, content, name="file.xlsx", *, write=False):
    return run_import(content, name, {"kind": kind}, dry_run=not write)


def districts_of(slug):
    return sorted(ProfessionPage.objects.get(slug=slug).districts.values_list("name", flat=True))


def test_a_ministry_spreadsheet_is_taken_as_it_comes(krai):
    content = xlsx_bytes(
        [
            [
                "№ п/п",
                "Наименование профессии ",
                "ОТРАСЛЬ",
                "Зарплата от, руб.",
                "Зарплата до (руб.)",
                "Муниципальные образования",
                "Дата сведений о зарплате",
            ],
            [
                1,
                "Сварщик  ",
                "авиастроение",
                "65\xa0000,00",
                "90 000",
                "г. Хабаровск; район им. Лазо",
                datetime.datetime(2025, 3, 1),
            ],
            [None, None, None, None, None, None, None],  # a blank row between the rows
            [2, "Токарь", "Судостроение", 55000.5, None, "все районы края", "01.03.2025"],
            [3, "Слесарь", "Авиастроение", None, None, "город Комсомольск-на-Амуре", None],
            [4, "Электрик", "Авиастроение", None, None, "Хабаровск;Муниципальный район имени Лазо", None],
        ]
    )
    report = check("professions", content, write=True)
    assert report.ok and report.written, report.problems
    assert report.counts["professions"] == {"created": 4, "updated": 0, "unchanged": 0, "skipped": 1}
    welder = ProfessionPage.objects.get(slug="svarshchik")
    assert (welder.title, welder.sector.name, welder.salary_min, welder.salary_max) == (
        "Сварщик",
        "Авиастроение",
        65_000,
        90_000,
    )
    assert welder.salary_date == datetime.date(2025, 3, 1)
    assert districts_of("svarshchik") == ["Городской округ «Город Хабаровск»", "Муниципальный район имени Лазо"]
    assert districts_of("tokar") == sorted(DISTRICTS)  # «все районы края»
    assert ProfessionPage.objects.get(slug="tokar").salary_date == datetime.date(2025, 3, 1)
    assert districts_of("slesar") == ["Городской округ «Город Комсомольск-на-Амуре»"]
    assert districts_of("elektrik") == districts_of("svarshchik")


def test_a_name_that_fits_two_districts_is_reported_not_guessed(krai):
    DistrictFactory(name="Бикинский муниципальный район")
    DistrictFactory(name="Бикинский муниципальный округ")
    report = check(
        "professions", xlsx_bytes([["Наименование профессии", "Районы"], ["Сварщик", "Бикинский"]]), write=True
    )
    assert [(p.row, p.column, p.value) for p in report.problems] == [(2, "Районы", "Бикинский")]
    assert "Бикинский муниципальный район" in report.problems[0].message
    assert "Бикинский муниципальный округ" in report.problems[0].message
    assert not ProfessionPage.objects.exists()
    exact = check(
        "professions", xlsx_bytes([["Наименование профессии", "Районы"], ["Сварщик", "Бикинский муниципальный округ"]])
    )
    assert exact.ok, exact.problems


def test_a_subset_of_columns_with_a_bad_row_gives_a_report(krai, tmp_path, admin_client):
    """It ended in tablib's InvalidDimensions, on the command line and as a 500 on the admin screen."""
    content = "Наименование профессии;Зарплата от\nСварщик;50000\nТокарь;много\n".encode()
    path = tmp_path / "subset.csv"
    path.write_bytes(content)
    with pytest.raises(CommandError, match="Найдена 1 ошибка; ничего не записано"):
        call_command("import_atlas", "professions", str(path))
    report = check("professions", content, "subset.csv", write=True)
    assert [(p.row, p.column, p.value) for p in report.problems] == [(3, "Зарплата от", "много")]
    assert report.problems[0].message == "Это не сумма в рублях."
    response = admin_import(
        admin_client,
        "/admin/atlas/import/",
        {"kind": "professions", "file": SimpleUploadedFile("subset.csv", content)},
        write=True,
    )
    assert response.status_code == 200 and "Это не сумма в рублях." in response.content.decode()
    assert not ProfessionPage.objects.exists()


def test_a_row_with_more_cells_than_the_header(krai, tmp_path):
    content = "Наименование профессии;Отрасль\nСварщик;Авиастроение;лишнее\n".encode()
    report = check("professions", content, "extra.csv", write=True)
    assert [(p.row, p.column, p.value) for p in report.problems] == [(2, "C", "лишнее")]
    assert "больше ячеек, чем в заголовке" in report.problems[0].message
    assert not ProfessionPage.objects.exists()


def test_problems_are_russian_with_the_spreadsheet_row_and_the_value(krai, admin_client):
    content = xlsx_bytes(
        [
            ["Наименование профессии", "Дата сведений о зарплате", "Уровень образования", "Профессия будущего"],
            [None, None, None, None],
            ["Сварщик", "вчера", "аспирантура", "может быть"],
        ]
    )
    report = check("professions", content, write=True)
    found = {(p.row, p.column): (p.value, p.message) for p in report.problems}
    assert found[(3, "Дата сведений о зарплате")] == ("вчера", "Это не дата; запишите её как 31.12.2025.")
    assert found[(3, "Уровень образования")][0] == "аспирантура"
    assert "Среднее профессиональное (СПО)" in found[(3, "Уровень образования")][1]
    assert found[(3, "Профессия будущего")] == ("может быть", "Напишите «да» или «нет».")
    html = admin_import(
        admin_client, "/admin/atlas/import/", {"kind": "professions", "file": SimpleUploadedFile("x.xlsx", content)}
    ).content.decode()
    for internal in ("Value could not be parsed", "new:", "Traceback", "InvalidDimensions", "update:"):
        assert internal not in html
    assert "Это не дата" in html and "вчера" in html


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (b"", "empty.csv", "нет строки с названиями"),
        (b"\xff\xd8\xff\xe0 a JPEG named .xlsx", "atlas.xlsx", "не книга Excel"),
        (b"PK\x05\x06" + bytes(18), "empty-zip.xlsx", "не книга Excel"),
    ],
)
def test_malformed_files_get_a_report_on_the_command_line_and_the_screen(
    krai, tmp_path, admin_client, content, name, message
):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(CommandError, match="ничего не записано"):
        call_command("import_atlas", "sectors", str(path))
    response = admin_import(
        admin_client, "/admin/atlas/import/", {"kind": "sectors", "file": SimpleUploadedFile(name, content)}
    )
    expected = message if content else "пуст"  # Django's form refuses an empty upload itself
    assert response.status_code == 200 and expected in response.content.decode()


def test_a_header_only_file_writes_nothing_and_says_so(krai):
    report = check("sectors", "Наименование;Описание\n".encode(), "header.csv", write=True)
    assert report.ok and report.rows == 0 and report.counts["sectors"]["created"] == 0


def test_the_upload_cap_is_checked_before_the_file_is_read(krai, admin_client, settings, tmp_path):
    settings.IMPORT_MAX_UPLOAD_BYTES = 100
    content = ("Наименование\n" + "Отрасль\n" * 50).encode()
    response = admin_client.post(
        "/admin/atlas/import/", {"kind": "sectors", "file": SimpleUploadedFile("s.csv", content)}
    )
    assert "ограничение — 100" in response.content.decode()
    path = tmp_path / "s.csv"
    path.write_bytes(content)
    with pytest.raises(CommandError, match="ограничение — 100"):
        call_command("import_atlas", "sectors", str(path))
    assert Sector.objects.count() == 2


def test_progress_is_reported_every_hundred_rows(krai):
    calls = []
    rows = [["Наименование"], *([f"Отрасль {i}"] for i in range(250))]
    report = run_import(
        xlsx_bytes(rows), "s.xlsx", {"kind": "sectors"}, dry_run=True, progress=lambda *a: calls.append(a)
    )
    assert report.ok and calls == [(100, 250), (200, 250), (250, 250)]
    assert ImportReport.from_dict(json.loads(json.dumps(report.to_dict()))) == report


# -- the template ----------------------------------------------------------------------------------------------
def open_template(admin_client, kind):
    response = admin_client.get(f"/admin/atlas/import/template/{kind}/")
    assert response.status_code == 200 and response["Content-Type"].startswith("application/vnd.openxml")
    return openpyxl.load_workbook(io.BytesIO(response.content))


def choices(book, sheet, heading):
    """The drop-down list of the column ``heading`` of the data sheet, read from the hidden sheet."""
    headings = [cell.value for cell in sheet[1]]
    letter = openpyxl.utils.get_column_letter(headings.index(heading) + 1)
    validation = next(v for v in sheet.data_validations.dataValidation if str(v.sqref).startswith(f"{letter}2:"))
    lists_name, cells = validation.formula1.split("!")
    first, last = cells.replace("$", "").split(":")
    return [row[0].value for row in book[lists_name.strip("'")][first:last]]


@pytest.mark.parametrize("kind", sorted(RESOURCES))
def test_every_kind_has_a_template_with_instructions(admin_client, krai, kind):
    book = open_template(admin_client, kind)
    assert book.sheetnames == ["Данные", "Инструкция", "Списки"]
    assert book["Списки"].sheet_state == "hidden"
    instructions = " ".join(str(c.value) for row in book["Инструкция"].iter_rows() for c in row if c.value)
    assert "обязательн" in instructions.lower() and "31.12.2025" in instructions
    name = "Наименование профессии" if kind == "professions" else "Наименование"
    assert name in [cell.value for cell in book["Данные"][1]]


def test_the_template_filled_in_imports_cleanly(admin_client, krai):
    book = open_template(admin_client, "professions")
    sheet = book["Данные"]
    headings = [cell.value for cell in sheet[1]]
    assert "Отрасль" in headings and "Зарплата от, ₽ в месяц" in headings
    picked = {
        "Отрасль": choices(book, sheet, "Отрасль")[1],
        "Уровень образования": choices(book, sheet, "Уровень образования")[1],
        "Тип профессии (по Климову)": choices(book, sheet, "Тип профессии (по Климову)")[1],
        "Востребованность в крае": choices(book, sheet, "Востребованность в крае")[0],
        "Профессия будущего": choices(book, sheet, "Профессия будущего")[0],
        "Муниципальные образования": choices(book, sheet, "Муниципальные образования")[0],
    }
    assert picked["Отрасль"] == "Судостроение" and picked["Профессия будущего"] == "да"
    values = {
        **picked,
        "Наименование профессии": "Судосборщик",
        "Зарплата от, ₽ в месяц": "70 000",
        "Дата сведений о зарплате": "15.02.2025",
    }
    sheet.append([values.get(heading) for heading in headings])
    buffer = io.BytesIO()
    book.save(buffer)
    report = check("professions", buffer.getvalue(), write=True)
    assert report.ok and report.written, report.problems
    card = ProfessionPage.objects.get(title="Судосборщик")
    assert (card.sector.name, card.education_level, card.klimov_type, card.demand_level) == (
        "Судостроение",
        "spo",
        "technique",
        "high",
    )
    assert card.is_future_profession and card.salary_min == 70_000 and card.salary_date == datetime.date(2025, 2, 15)
    assert districts_of(card.slug) == [picked["Муниципальные образования"]]


def test_the_template_with_data_is_the_export_for_people(admin_client, krai):
    response = admin_client.get("/admin/atlas/import/template/sectors/?data=1")
    sheet = openpyxl.load_workbook(io.BytesIO(response.content))["Данные"]
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[0][:2] == ["Адрес страницы (slug)", "Наименование"]
    assert [row[1] for row in rows[1:]] == ["Авиастроение", "Судостроение"]
    assert check("sectors", response.content, write=True).counts["sectors"]["unchanged"] == 2


# -- the round trip with every field -----------------------------------------------------------------------------
FIELDS = [
    "slug",
    "title",
    "sector__name",
    "education_level",
    "klimov_type",
    "demand_level",
    "is_future_profession",
    "salary_min",
    "salary_max",
    "salary_source",
    "salary_date",
    "summary",
    "easy_read_summary",
    "outlook",
    "duties",
    "day_at_work",
    "working_conditions",
    "hard_skills",
    "soft_skills",
    "personal_qualities",
    "contraindications",
    "okpdtr_code",
    "okz_code",
]
LISTS = ["duties", "hard_skills", "soft_skills", "personal_qualities", "contraindications"]  # one cell, one item a line
LINKS = ["school_subjects", "specialties", "organisations", "employers", "investment_projects", "districts"]


def snapshot():
    cards = []
    for card in ProfessionPage.objects.order_by("slug"):
        values = ProfessionPage.objects.filter(pk=card.pk).values(*(name for name in FIELDS if name not in LISTS))[0]
        values.update({name: items(getattr(card, name)) for name in [*LISTS, "also_called"]})
        values.update({name: sorted(getattr(card, name).values_list("pk", flat=True)) for name in LINKS})
        cards.append(values)
    return cards


def test_export_then_import_with_every_field_filled(client, krai):
    ru = krai.locale
    sector = Sector.objects.get(name="Авиастроение")
    maths = SchoolSubject.objects.create(locale=ru, code="test-drawing", name="Черчение (тест)")
    college = OrganisationFactory(name="Авиационно-технический колледж", short_name="КнАТК")
    specialty = Specialty.objects.create(locale=ru, name="Сварочное производство", slug="svarka", code="22.02.06")
    employer = EmployerFactory(name="КнААЗ", sector=sector)
    project = InvestmentProject.objects.create(locale=ru, name="Новый цех", slug="novyi-tsekh")
    text = {name: f"{name}: первая строка\nвторая строка" for name in FIELDS[11:21] if name not in LISTS}
    text.update({name: [("item", f"{name}: первый пункт"), ("item", "второй пункт")] for name in LISTS})
    text["also_called"] = [("item", "сварной"), ("item", "электросварщик")]  # one cell, the names split by «;»
    for title, salary_date in (
        ("Сварщик", datetime.date(2025, 3, 1)),
        ("Инженер-конструктор", datetime.date(2024, 12, 31)),
    ):
        card = ProfessionPage(
            title=title,
            sector=sector,
            education_level="vo",
            klimov_type="sign",
            demand_level="low",
            is_future_profession=True,
            salary_min=61_000,
            salary_max=99_000,
            salary_source="hh.ru, март 2025",
            salary_date=salary_date,
            okpdtr_code="19906",
            okz_code="7212",
            **text,
        )
        krai.add_child(instance=card)
        card.school_subjects.set([maths])
        card.specialties.set([specialty])
        card.organisations.set([college])
        card.employers.set([employer])
        card.investment_projects.set([project])
        card.districts.set(card.districts.model.objects.filter(name__in=DISTRICTS[:2]))
        card.save_revision().publish()
    before = snapshot()
    assert all(value not in (None, "", [], False) for card in before for value in card.values())  # every field filled

    response = client.get(krai.url + "opendata/csv/")
    assert response.status_code == 200
    exported = response.content
    assert exported.decode("utf-8-sig").startswith(
        "Адрес страницы (slug);Наименование профессии;Также называют;Отрасль;"
    )
    assert "01.03.2025" in exported.decode("utf-8-sig")
    data = client.get(krai.url + "opendata/json/").json()
    assert data["professions"][1]["salary_date"] == "2025-03-01" and data["fields"]["title"] == "Наименование профессии"

    report = check("professions", exported, "export.csv", write=True)
    assert report.ok and report.counts["professions"]["unchanged"] == 2, (report.problems, report.counts)
    ProfessionPage.objects.all().delete()
    report = check("professions", exported, "export.csv", write=True)
    assert report.ok and report.counts["professions"]["created"] == 2, report.problems
    assert snapshot() == before


def test_a_record_given_twice_is_reported_with_the_row_it_repeats(krai):
    report = check("sectors", "Наименование\nЛесная отрасль\n\nлесная  отрасль\n".encode(), "s.csv", write=True)
    assert [(p.row, p.column, p.message) for p in report.problems] == [(4, "Наименование", "Повторяет строку 2.")]
    assert not Sector.objects.filter(name__icontains="лесная").exists()
