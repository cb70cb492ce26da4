"""Spreadsheet import: encodings and formats of real office files, all-or-nothing, idempotent, round trip."""

import csv
import io

import openpyxl
import pytest
from django.core.management import CommandError, call_command

from atlas.exchange import export_professions, run_import
from atlas.factories import EmployerFactory, ProfessionPageFactory, SectorFactory
from atlas.models import Employer, MunicipalDistrict, ProfessionPage
from portal.tests.helpers import FORMULA_LIKE, FORMULA_LIKE_IN_XLSX, admin_import

HEADER = "slug;title;sector;education_level;klimov_type;demand_level;salary_min;salary_max;districts"
ROWS = [
    ";Сварщик;Авиастроение;СПО;technique;high;45 000,00;70000;Амурский район",
    "tokar;Токарь;Авиастроение;spo;человек – техника;medium;50000;65 000;",
]


@pytest.fixture
def reference(atlas):
    SectorFactory(name="Авиастроение")
    MunicipalDistrict.objects.create(locale_id=atlas.locale_id, name="Амурский район", slug="amurskii")
    return atlas


def csv_bytes(lines, encoding="utf-8", bom=False):
    text = "\r\n".join(lines) + "\r\n"
    return (b"\xef\xbb\xbf" if bom else b"") + text.encode(encoding)


def check(kind, content, name="p.csv", *, write=False):
    return run_import(content, name, {"kind": kind}, dry_run=not write)


def where(report):
    return {(problem.row, problem.column) for problem in report.problems}


def messages(report):
    return " ".join(problem.message for problem in report.problems)


def write(path, content):
    path.write_bytes(content)
    return path


def test_cp1251_semicolon_csv_with_decimal_commas(reference, tmp_path):
    path = write(tmp_path / "professions.csv", csv_bytes([HEADER, *ROWS], encoding="cp1251"))
    call_command("import_atlas", "professions", str(path))
    welder = ProfessionPage.objects.get(slug="svarshchik")
    assert (welder.salary_min, welder.salary_max, welder.education_level) == (45_000, 70_000, "spo")
    assert welder.live and welder.get_parent().pk == reference.pk
    assert welder.revisions.count() == 1 and welder.live_revision_id == welder.latest_revision_id
    from wagtail.models import PageLogEntry

    assert PageLogEntry.objects.filter(page=welder, action="wagtail.publish").exists()
    from wagtail.search.backends import get_search_backend

    get_search_backend().refresh_indexes()
    found = ProfessionPage.objects.live().search("Сварщик")
    assert welder.pk in [page.pk for page in found]  # indexed for site search
    assert list(welder.districts.values_list("name", flat=True)) == ["Амурский район"]
    assert ProfessionPage.objects.get(slug="tokar").klimov_type == "technique"


def test_utf8_bom_comma_csv(reference):
    lines = [line.replace(";", ",") for line in [HEADER, ROWS[1]]]
    report = check("professions", csv_bytes(lines, bom=True), write=True)
    assert report.ok and report.written, report.problems
    assert ProfessionPage.objects.filter(slug="tokar").exists()


def test_xlsx(reference):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(HEADER.split(";"))
    sheet.append(["", "Слесарь-сборщик", "Авиастроение", "spo", "technique", "high", 55000.5, 80000, ""])
    buffer = io.BytesIO()
    workbook.save(buffer)
    report = check("professions", buffer.getvalue(), "atlas.xlsx", write=True)
    assert report.ok, report.problems
    assert ProfessionPage.objects.get(slug="slesar-sborshchik").salary_min == 55_000


def test_a_file_with_errors_writes_nothing_and_reports_rows_and_columns(reference, tmp_path):
    bad = [HEADER, ROWS[0], ";Пилот;Космонавтика;spo;technique;high;-5;70000;Луна", ";;Авиастроение;phd;;;;;"]
    path = write(tmp_path / "bad.csv", csv_bytes(bad))
    with pytest.raises(CommandError, match="ничего не записано"):
        call_command("import_atlas", "professions", str(path))
    assert not ProfessionPage.objects.exists()  # not even the good first row
    report = check("professions", csv_bytes(bad))
    assert {(3, "sector"), (3, "salary_min"), (3, "districts"), (4, "education_level")} <= where(report)
    assert "Нет в разделе «отрасли»" in messages(report)
    assert "«Луна»: Нет в разделе «муниципальные образования»" in messages(report)


def test_second_run_changes_nothing(reference, tmp_path):
    path = write(tmp_path / "professions.csv", csv_bytes([HEADER, *ROWS]))
    call_command("import_atlas", "professions", str(path))
    revisions = {p.slug: p.revisions.count() for p in ProfessionPage.objects.all()}
    report = check("professions", path.read_bytes(), write=True)
    assert report.counts["professions"] == {"created": 0, "updated": 0, "unchanged": 2, "skipped": 0}
    assert {p.slug: p.revisions.count() for p in ProfessionPage.objects.all()} == revisions


def test_employers_import_upserts_by_slug(reference):
    text = ["slug;name;sector;districts;city", ";АО «Амурсталь»;Авиастроение;Амурский район;Комсомольск-на-Амуре"]
    assert check("employers", csv_bytes(text), write=True).written
    text[1] = "ao-amurstal;АО «Амурсталь»;Авиастроение;Амурский район;Комсомольск-на-Амуре-на-Амуре"
    assert check("employers", csv_bytes(text), write=True).written
    assert Employer.objects.get().city == "Комсомольск-на-Амуре-на-Амуре"


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (b"%PDF-1.4 binary", "atlas.pdf", "Загрузите файл CSV или XLSX"),
        (b"not a zip", "atlas.xlsx", "не книга Excel"),
        (b"\x00\x01\x02", "atlas.csv", "не текстовый файл"),
        (b"", "atlas.csv", "нет строки с названиями"),
    ],
)
def test_wrong_files_get_a_clear_message(reference, content, name, message):
    report = check("sectors", content, name)
    assert not report.ok and message in messages(report) and report.problems[0].row is None


def test_unknown_columns_are_reported(reference):
    report = check("professions", csv_bytes(["title;зарплата", "Сварщик;1"]))
    assert [(p.row, p.column) for p in report.problems] == [(1, "зарплата")]
    assert "«Наименование профессии»" in report.problems[0].message  # the columns it knows, in Russian


def test_export_then_import_gives_the_same_atlas(reference, tmp_path):
    path = write(tmp_path / "professions.csv", csv_bytes([HEADER, *ROWS]))
    call_command("import_atlas", "professions", str(path))
    exported, _ = export_professions(reference, "csv")
    before = list(
        ProfessionPage.objects.order_by("slug").values(
            "slug", "title", "salary_min", "salary_max", "sector__name", "klimov_type"
        )
    )
    report = check("professions", exported.encode("utf-8"), write=True)
    assert report.ok and report.counts["professions"]["unchanged"] == 2, (report.problems, report.counts)
    # and into an empty atlas: the same cards come back
    ProfessionPage.objects.all().delete()
    report = check("professions", exported.encode("utf-8"), write=True)
    assert report.ok and report.counts["professions"]["created"] == 2
    after = list(
        ProfessionPage.objects.order_by("slug").values(
            "slug", "title", "salary_min", "salary_max", "sector__name", "klimov_type"
        )
    )
    assert after == before


def test_open_data_json_states_its_licence(client, reference, tmp_path):
    call_command("import_atlas", "professions", str(write(tmp_path / "p.csv", csv_bytes([HEADER, *ROWS]))))
    data = client.get(reference.url + "opendata/json/").json()
    assert data["licence"].startswith("CC BY 4.0") and data["count"] == 2
    assert {item["title"] for item in data["professions"]} == {"Сварщик", "Токарь"}
    csv_response = client.get(reference.url + "opendata/csv/")
    assert csv_response["Content-Type"].startswith("text/csv") and "Токарь" in csv_response.content.decode()
    assert client.get(reference.url + "opendata/exe/").status_code == 404


def test_the_atlas_exports_carry_no_formula(admin_client, client, reference):
    for number, name in enumerate(FORMULA_LIKE):
        ProfessionPageFactory(parent=reference, title=name, slug=f"p{number}")
        EmployerFactory(name=name, slug=f"e{number}")
    exported = client.get(reference.url + "opendata/csv/").content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(exported, newline=""), delimiter=";"))
    assert sorted(row[1] for row in rows[1:]) == sorted("'" + name for name in FORMULA_LIKE)

    workbook = admin_client.get("/admin/atlas/import/template/employers/", {"data": "1"}).content
    cells = [row[1] for row in openpyxl.load_workbook(io.BytesIO(workbook)).worksheets[0].iter_rows(min_row=2)]
    assert sorted((cell.data_type, cell.value) for cell in cells) == sorted(("s", n) for n in FORMULA_LIKE_IN_XLSX)

    # The CSV imports back as it was: the apostrophes come off (a leading tab or line break is trimmed, as ever).
    report = check("professions", exported.encode("utf-8"), write=True)
    assert report.ok, report.problems
    titles = dict(ProfessionPage.objects.values_list("slug", "title"))
    assert [titles[f"p{number}"] for number in range(4)] == FORMULA_LIKE[:4]


def test_admin_screen_checks_then_writes(admin_client, reference):
    from django.core.files.uploadedfile import SimpleUploadedFile

    def upload(content, write=False, name="p.csv"):
        data = {"kind": "professions", "file": SimpleUploadedFile(name, content)}
        return admin_import(admin_client, "/admin/atlas/import/", data, write=write)

    bad = upload(csv_bytes([HEADER, ";Пилот;Космонавтика;spo;;high;;;"], encoding="cp1251"), write=True)
    html = bad.content.decode()
    assert bad.status_code == 200 and "Нет в разделе «отрасли»" in html and "Космонавтика" in html
    assert not ProfessionPage.objects.exists()
    good = csv_bytes([HEADER, *ROWS], encoding="cp1251")
    upload(good)  # a check only
    assert not ProfessionPage.objects.exists()
    upload(good, write=True)
    assert ProfessionPage.objects.count() == 2
    wrong = upload(b"%PDF-1.4", name="atlas.pdf")
    assert "Загрузите файл CSV или XLSX" in wrong.content.decode()


def test_admin_screen_needs_permission(client, reference, django_user_model):
    user = django_user_model.objects.create_user("guest", password="pw")
    client.force_login(user)
    assert client.get("/admin/atlas/import/").status_code in (302, 403)


def test_a_row_with_four_faults_reports_all_four(reference):
    # A slug that cannot be an address, an unknown sector and demand level, and a salary whose upper bound is below
    # its lower one: the card's own rule used to be checked only when every field was right.
    row = "плохой адрес!;Сварщик;Космонавтика;spo;technique;очень;80000;30000;Амурский район"
    report = check("professions", csv_bytes([HEADER, row]))
    assert {(2, "slug"), (2, "sector"), (2, "demand_level"), (2, "salary_max")} <= where(report)
    assert len(report.problems) == 4, report.problems
    assert not report.written and not ProfessionPage.objects.exists()
