"""Reports, indicator and district pages: the summary, the charts, the PDF and the data behind them."""

import csv
import io

import openpyxl
from pypdf import PdfReader

from atlas.factories import DistrictFactory
from monitoring.models import Observation
from portal.tests.helpers import FORMULA_LIKE, download, queries_for


def data(monitoring, amur=(30, 100), vanino=(5, 100), contests=4, year=2022):
    for district, (numerator, denominator) in (("amur", amur), ("vanino", vanino)):
        Observation.objects.create(
            indicator=monitoring["diagnostics"],
            district=monitoring[district],
            year=year,
            numerator=numerator,
            denominator=denominator,
            is_demo=True,
        )
    Observation.objects.create(indicator=monitoring["contests"], year=year, numerator=contests)


def test_krai_value_adds_up_the_districts_and_the_summary_matches(client, monitoring):
    data(monitoring)  # 35 of 200 = 17.5 % < 20 %; contests 4 ≥ 3
    response = client.get(monitoring["report"].url)
    html = response.content.decode()
    section = response.context["sections"][0]
    assert section["cell"].value == 17.5 and section["cell"].met is False
    assert [d.name for d in section["below"]] == ["Ванинский муниципальный район"]
    assert response.context["summary"] == "1 из 2 показателей достиг целевого значения"
    assert "1 из 2 показателей достиг целевого значения" in html and "Демонстрационные данные" in html
    data(monitoring, amur=(50, 100), vanino=(40, 100))  # corrections: 45 %
    assert client.get(monitoring["report"].url).context["summary"] == "2 из 2 показателей достигли целевого значения"


def test_chart_is_an_accessible_svg_with_the_values(client, monitoring):
    data(monitoring)
    html = client.get(monitoring["report"].url).content.decode()
    svg = html[html.index("<svg") : html.index("</svg>")]
    assert 'role="img"' in svg and "<title" in svg and "<desc" in svg
    assert ">30<" in svg and ">5<" in svg  # every bar carries its value as text
    assert "chart__bar--below" in svg  # Ванинский is below the 20 % target
    assert '<table class="table">' in html[html.index("</svg>") :]  # the data table beside the chart


def test_report_pdf_contains_the_indicator_names(client, monitoring):
    data(monitoring)
    response = download(client, monitoring["report"].url + "pdf/")
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.body)).pages)
    assert "Доля прошедших диагностику" in text and "Количество конкурсов" in text
    assert "1 из 2 показателей" in text


def test_report_data_as_csv_and_xlsx(client, monitoring):
    data(monitoring)
    response = client.get(monitoring["report"].url + "dannye/csv/")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:4] == ["Показатель", "Название показателя", "Район", "Год"]
    assert rows[1][:5] == ["1", "Доля прошедших диагностику", "Хабаровский край (итого)", "2022", "17,50"]
    book = openpyxl.load_workbook(io.BytesIO(client.get(monitoring["report"].url + "dannye/xlsx/").content))
    values = [row[4] for row in book.active.iter_rows(min_row=2, values_only=True)]
    assert 17.5 in values and 30 in values and 5 in values
    assert client.get(monitoring["report"].url + "dannye/pdf/").status_code == 404


def test_report_data_carries_no_formula_from_a_name(client, monitoring):
    monitoring["amur"].name, monitoring["vanino"].name = FORMULA_LIKE[0], FORMULA_LIKE[3]
    monitoring["amur"].save()
    monitoring["vanino"].save()
    data(monitoring)
    response = client.get(monitoring["report"].url + "dannye/csv/")
    places = {row[2] for row in csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";")}
    assert {"'" + FORMULA_LIKE[0], "'" + FORMULA_LIKE[3]} <= places
    book = openpyxl.load_workbook(io.BytesIO(client.get(monitoring["report"].url + "dannye/xlsx/").content))
    cells = [row[2] for row in book.active.iter_rows(min_row=2) if row[2].value in FORMULA_LIKE]
    assert len(cells) == 2 and {cell.data_type for cell in cells} == {"s"}


def test_indicator_and_district_pages_and_their_bad_addresses(client, monitoring):
    data(monitoring)
    indicator = client.get(monitoring["index"].url + "pokazatel/1/").content.decode()
    assert "Доля прошедших диагностику" in indicator and "Ванинский муниципальный район" in indicator
    district = client.get(monitoring["index"].url + "raion/amurskii/").content.decode()
    assert "Амурский муниципальный район" in district and "Количество конкурсов" in district
    missing = client.get(monitoring["index"].url + "pokazatel/42/")
    assert missing.status_code == 404 and "Показателя № 42 нет" in missing.content.decode()
    unknown = client.get(monitoring["index"].url + "raion/<b>nowhere</b>/")
    assert unknown.status_code == 404
    assert client.get(monitoring["index"].url + "raion/nowhere/").status_code == 404
    assert client.get(monitoring["index"].url + "pokazatel/abc/").status_code == 404


def test_report_query_count_does_not_grow_with_districts(client, monitoring):
    data(monitoring)
    before = queries_for(client, monitoring["report"].url)
    for n in range(10):
        district = DistrictFactory()
        Observation.objects.create(
            indicator=monitoring["diagnostics"], district=district, year=2022, numerator=n, denominator=50
        )
    assert queries_for(client, monitoring["report"].url) == before
