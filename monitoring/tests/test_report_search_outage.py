"""The report search answers from the database backend while OpenSearch is down or hanging."""

from conftest import survives_outage


def test_report_search_answers_from_the_database(client, monitoring, search_at, outage):
    search_at(outage.url)
    page = monitoring["index"].url + "poisk/"
    responses = survives_outage(outage, lambda: client.get(page, {"q": "итоги", "year": "2022"}))
    for response in responses:
        assert [report.title for report in response.context["reports"]] == ["Итоги 2022 года"]
