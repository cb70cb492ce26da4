"""The monitoring reports and the page cache: a report is stored for anonymous visitors; observations written by an
import and a target changed on its own make it fresh on the next request."""

import pytest
from django.test import Client

from monitoring.exchange import run_import
from monitoring.models import IndicatorTarget
from portal.page_cache import HEADER
from portal.tests.helpers import served_twice

from .test_reports import data

pytestmark = pytest.mark.usefixtures("page_cache")


def summary_of(url):
    response = Client().get(url)
    assert response.status_code == 200
    return response.context["summary"] if response.context else None, response[HEADER]


def test_an_import_refreshes_the_report(client, monitoring, django_capture_on_commit_callbacks):
    data(monitoring)  # 35 of 200 = 17.5 % < 20 %; contests 4 ≥ 3
    served_twice(client, monitoring["report"].url)
    content = "Показатель;Район;Год;Числитель;Знаменатель;Источник;Комментарий\n"
    content += "1;Амурский муниципальный район;2022;90;100;ОМСУ;\n"  # a correction: 95 of 200 = 47.5 %
    with django_capture_on_commit_callbacks(execute=True):
        report = run_import(content.encode("cp1251"), "d.csv", {}, dry_run=False)
    assert report.written
    assert summary_of(monitoring["report"].url) == ("2 из 2 показателей достигли целевого значения", "miss")


def test_a_target_changed_on_its_own_refreshes_the_report(client, monitoring, django_capture_on_commit_callbacks):
    data(monitoring)
    served_twice(client, monitoring["report"].url)
    with django_capture_on_commit_callbacks(execute=True):
        IndicatorTarget.objects.filter(indicator=monitoring["diagnostics"], year=2022).get().delete()
        IndicatorTarget.objects.create(indicator=monitoring["diagnostics"], year=2022, value=15)
    assert summary_of(monitoring["report"].url) == ("2 из 2 показателей достигли целевого значения", "miss")
