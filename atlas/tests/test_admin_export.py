"""Editors export the atlas as they filtered it in the admin's listing of profession cards (Wagtail's own XLSX and
CSV export of index views), in the columns of the atlas import, so that the file imports back unchanged."""

import csv
import io

import openpyxl
from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission

from atlas.exchange import ProfessionResource, run_import
from atlas.models import ProfessionPage
from home.factories import ContentPageFactory
from portal.tests.helpers import assert_few_constant_queries

URL = "/admin/profession_cards/"


def headings():
    return [str(column.heading) for column in ProfessionResource.columns()]


def heading(key):
    return next(str(column.heading) for column in ProfessionResource.columns() if column.key == key)


def test_the_listing_filters_by_sector_and_shows_the_export_buttons(admin_client, catalogue):
    html = admin_client.get(URL, {"sector": catalogue["aviation"].pk}).content.decode()
    assert "Сварщик" in html and "Инженер-конструктор" in html and "Медицинская сестра" not in html
    assert "export=xlsx" in html and "export=csv" in html


def test_xlsx_export_holds_exactly_the_filtered_cards_in_the_import_columns(admin_client, catalogue):
    welder = catalogue["welder"]
    welder.also_called = [("item", "сварной"), ("item", "электросварщик")]
    welder.save_revision().publish()
    response = admin_client.get(URL, {"sector": catalogue["aviation"].pk, "export": "xlsx"})
    assert response.status_code == 200 and response["Content-Disposition"].endswith('atlas-professions.xlsx"')
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).worksheets[0]
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[0] == headings()
    by_title = {row[1]: dict(zip(rows[0], row, strict=True)) for row in rows[1:]}
    assert set(by_title) == {"Сварщик", "Инженер-конструктор"}
    welder_row = by_title["Сварщик"]
    assert welder_row[heading("sector")] == "Авиастроение"
    assert welder_row[heading("also_called")] == "сварной; электросварщик"
    assert welder_row[heading("employers")] == "КнААЗ" and welder_row[heading("salary_min")] == 60_000

    # Filters combine: aviation and high demand is the welder alone.
    response = admin_client.get(URL, {"sector": catalogue["aviation"].pk, "demand_level": "high", "export": "xlsx"})
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).worksheets[0]
    assert [row[1].value for row in sheet.iter_rows(min_row=2)] == ["Сварщик"]


def test_csv_export_imports_back_unchanged(admin_client, catalogue):
    response = admin_client.get(URL, {"sector": catalogue["aviation"].pk, "export": "csv"})
    content = b"".join(response.streaming_content)
    assert response.status_code == 200 and content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"), newline="")))
    assert rows[0] == headings()
    assert sorted(row[1] for row in rows[1:]) == ["Инженер-конструктор", "Сварщик"]
    revisions = {page.slug: page.revisions.count() for page in ProfessionPage.objects.all()}
    report = run_import(content, "atlas.csv", {"kind": "professions"}, dry_run=False)
    assert report.ok and report.counts["professions"]["unchanged"] == 2, (report.problems, report.counts)
    assert {page.slug: page.revisions.count() for page in ProfessionPage.objects.all()} == revisions


def test_live_and_draft_filter_applies_to_the_export(admin_client, catalogue):
    catalogue["engineer"].unpublish()
    response = admin_client.get(URL, {"live": "false", "export": "csv"})
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"), newline="")))
    assert [row[1] for row in rows[1:]] == ["Инженер-конструктор"]


def test_an_editor_without_atlas_permissions_cannot_export(client, catalogue, django_user_model, site_tree):
    home, _ = site_tree
    elsewhere = ContentPageFactory(parent=home, title="Новости школ")
    group = Group.objects.create(name="school news")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in ("add_page", "change_page"):
        GroupPagePermission.objects.create(
            group=group, page=elsewhere, permission=Permission.objects.get(codename=codename)
        )
    editor = django_user_model.objects.create_user("news-editor", password="pw")
    editor.groups.add(group)
    client.force_login(editor)
    listing = client.get(URL)
    assert "Сварщик" not in listing.content.decode() and "export=xlsx" not in listing.content.decode()
    for fmt in ("xlsx", "csv"):
        refused = client.get(URL, {"export": fmt})  # Wagtail sends the refused to the dashboard with a message
        assert refused.status_code in (302, 403) and "Content-Disposition" not in refused
    nobody = django_user_model.objects.create_user("nobody", password="pw")
    nobody.groups.add(Group.objects.create(name="admin only"))
    nobody.groups.get().permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(nobody)
    assert client.get(URL, {"export": "xlsx"}).status_code in (302, 403)


def test_the_export_costs_constant_queries(admin_client, catalogue):
    """(The listing itself costs a query more per card: wagtail-localize's «Translate» button of each page.)"""
    from atlas.factories import ProfessionPageFactory

    atlas = catalogue["welder"].get_parent()

    def grow():
        for number in range(3):
            card = ProfessionPageFactory(parent=atlas, title=f"Монтажник {number}", sector=catalogue["aviation"])
            card.employers.set([catalogue["employer"]])
            card.save_revision().publish()

    sector = catalogue["aviation"].pk
    urls = [f"{URL}?sector={sector}&export=xlsx"]
    counts = assert_few_constant_queries(admin_client, urls, grow, most=dict.fromkeys(urls, 60))
    print("queries", counts)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        admin_client.get(f"{URL}?sector={sector}")  # five cards: their sectors in one query (and the filter's two)
    assert sum(query["sql"].startswith('SELECT "atlas_sector"') for query in captured.captured_queries) <= 3
