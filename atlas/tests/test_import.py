"""Spreadsheet import: encodings and formats of real office files, all-or-nothing, idempotent, round trip."""

import io

import openpyxl
import pytest
from django.core.management import CommandError, call_command

from atlas.exchange import export_professions, run_import
from atlas.factories import SectorFactory
from atlas.models import Employer, MunicipalDistrict, ProfessionPage
from portal.spreadsheets import ImportFileError, load_dataset

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
    dataset = load_dataset(csv_bytes(lines, bom=True), "professions.csv")
    assert dataset.headers[0] == "slug"
    report = run_import("professions", dataset, dry_run=False)
    assert report.ok and report.written, report.problems
    assert ProfessionPage.objects.filter(slug="tokar").exists()


def test_xlsx(reference):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(HEADER.split(";"))
    sheet.append(["", "Слесарь-сборщик", "Авиастроение", "spo", "technique", "high", 55000.5, 80000, ""])
    buffer = io.BytesIO()
    workbook.save(buffer)
    report = run_import("professions", load_dataset(buffer.getvalue(), "atlas.xlsx"), dry_run=False)
    assert report.ok, report.problems
    assert ProfessionPage.objects.get(slug="slesar-sborshchik").salary_min == 55_000


def test_a_file_with_errors_writes_nothing_and_reports_rows_and_columns(reference, tmp_path):
    bad = [HEADER, ROWS[0], ";Пилот;Космонавтика;spo;technique;high;-5;70000;Луна", ";;Авиастроение;phd;;;;;"]
    path = write(tmp_path / "bad.csv", csv_bytes(bad))
    with pytest.raises(CommandError, match="nothing was written"):
        call_command("import_atlas", "professions", str(path))
    assert not ProfessionPage.objects.exists()  # not even the good first row
    report = run_import("professions", load_dataset(csv_bytes(bad), "bad.csv"))
    problems = {(row, column) for row, column, _message in report.problems}
    assert {(3, "sector"), (3, "salary_min"), (3, "districts"), (4, "education_level")} <= problems
    messages = " ".join(message for *_rest, message in report.problems)
    assert "«Космонавтика» нет в разделе «отрасли»" in messages
    assert "Не найдено в разделе «муниципальные образования»: Луна" in messages


def test_second_run_changes_nothing(reference, tmp_path):
    path = write(tmp_path / "professions.csv", csv_bytes([HEADER, *ROWS]))
    call_command("import_atlas", "professions", str(path))
    revisions = {p.slug: p.revisions.count() for p in ProfessionPage.objects.all()}
    report = run_import("professions", load_dataset(path.read_bytes(), path.name), dry_run=False)
    assert report.totals.get("new", 0) == 0 and report.totals.get("update", 0) == 0
    assert report.totals["skip"] == 2
    assert {p.slug: p.revisions.count() for p in ProfessionPage.objects.all()} == revisions


def test_employers_import_upserts_by_slug(reference):
    text = ["slug;name;sector;districts;city", ";АО «Амурсталь»;Авиастроение;Амурский район;Комсомольск-на-Амуре"]
    assert run_import("employers", load_dataset(csv_bytes(text), "e.csv"), dry_run=False).ok
    text[1] = "ao-amurstal;АО «Амурсталь»;Авиастроение;Амурский район;Комсомольск-на-Амуре-на-Амуре"
    assert run_import("employers", load_dataset(csv_bytes(text), "e.csv"), dry_run=False).ok
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
def test_wrong_files_get_a_clear_message(content, name, message):
    with pytest.raises(ImportFileError, match=message):
        load_dataset(content, name)


def test_unknown_columns_are_reported(reference):
    report = run_import("professions", load_dataset(csv_bytes(["title;зарплата", "Сварщик;1"]), "x.csv"))
    assert not report.ok and report.problems[0][1] == "зарплата"


def test_export_then_import_gives_the_same_atlas(reference, tmp_path):
    path = write(tmp_path / "professions.csv", csv_bytes([HEADER, *ROWS]))
    call_command("import_atlas", "professions", str(path))
    exported, _ = export_professions(reference, "csv")
    before = list(
        ProfessionPage.objects.order_by("slug").values(
            "slug", "title", "salary_min", "salary_max", "sector__name", "klimov_type"
        )
    )
    report = run_import("professions", load_dataset(exported.encode("utf-8"), "export.csv"), dry_run=False)
    assert report.ok and report.totals["skip"] == 2, (report.problems, report.totals)
    # and into an empty atlas: the same cards come back
    ProfessionPage.objects.all().delete()
    report = run_import("professions", load_dataset(exported.encode("utf-8"), "export.csv"), dry_run=False)
    assert report.ok and report.totals["new"] == 2
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


def test_admin_screen_checks_then_writes(admin_client, reference):
    from django.core.files.uploadedfile import SimpleUploadedFile

    def upload(content, write=False, name="p.csv"):
        data = {"kind": "professions", "file": SimpleUploadedFile(name, content)}
        if write:
            data["write"] = "on"
        return admin_client.post("/admin/atlas/import/", data)

    bad = upload(csv_bytes([HEADER, ";Пилот;Космонавтика;spo;;high;;;"], encoding="cp1251"), write=True)
    html = bad.content.decode()
    assert bad.status_code == 200 and "«Космонавтика» нет в разделе «отрасли»" in html
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
