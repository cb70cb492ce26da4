"""The monitoring collection in Debian's Chromium, on the seeded site: a district's coordinator signs in to the admin,
is refused a denominator of zero, fills in the report and submits it with the keyboard, and records an event held;
the analyst sees the report on the dashboard and approves it. axe finds nothing on the list, the report (with errors
too), the event's form (with errors too) and the events' list, the dashboard and the analyst's view of the report, at
375 and 1280 px; screenshots go to var/screenshots."""

import datetime

import pytest

from tests.account_request_pages import tab_until, violations
from tests.test_accessibility import SCREENSHOTS, format_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db]
PASSWORD = "Sbor-Amur-2026-x"


def sign_in(page, site, user):
    page.context.clear_cookies()
    page.goto(site + "/admin/login/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", PASSWORD)
    with page.expect_navigation():
        page.click("button[type=submit]")


def test_a_coordinator_submits_by_keyboard_and_the_analyst_approves(page, site, django_db_blocker):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.utils import timezone

    from atlas.models import MunicipalDistrict
    from monitoring.models import Indicator, Observation
    from reporting.access import ANALYSTS, COORDINATORS
    from reporting.models import CollectionRound, DistrictReport, State
    from teachers.models import Coordinator

    with django_db_blocker.unblock():
        district = MunicipalDistrict.objects.filter(locale__language_code="ru").order_by("name").first()
        indicators = list(Indicator.objects.in_default_locale().filter(number__in=(1, 10)).order_by("number"))
        round, _created = CollectionRound.objects.get_or_create(
            year=2024, defaults={"deadline": timezone.localdate() + datetime.timedelta(days=10)}
        )
        round.indicators.set(indicators)
        people = {}
        for name, group in (("koordinator", COORDINATORS), ("analitik", ANALYSTS)):
            user = get_user_model().objects.create_user(name, f"{name}@omsu.example.ru", PASSWORD)
            user.groups.add(Group.objects.get(name=group))
            people[name] = user
        Coordinator.objects.create(user=people["koordinator"]).districts.set([district])
    share, count = indicators
    report_path = f"/admin/reporting/{round.pk}/{district.pk}/"
    problems = []

    def check(name):
        for width in (375, 1280):
            page.set_viewport_size({"width": width, "height": 900})
            # Wagtail's messages fade in: axe reads the colours once they are there.
            page.evaluate("Promise.allSettled(document.getAnimations().map(animation => animation.finished))")
            page.screenshot(path=str(SCREENSHOTS / f"reporting-{name}-{width}.png"), full_page=True)
            if found := violations(page):
                problems.append(format_violations(f"{name} at {width}", found))
        page.set_viewport_size({"width": 1280, "height": 900})

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    sign_in(page, site, people["koordinator"])
    page.goto(site + "/admin/reporting/")
    check("index")
    with page.expect_navigation():
        page.click(f"main a[href='{report_path}']")
    page.fill(f"#id_numerator_{share.pk}", "310")
    page.fill(f"#id_denominator_{share.pk}", "0")
    page.fill(f"#id_numerator_{count.pk}", "3")
    with page.expect_navigation():
        page.click("button[value=save]")
    assert "Знаменатель должен быть больше нуля." in page.inner_text(f"#id_denominator_{share.pk}-error")
    check("report-errors")
    page.fill(f"#id_denominator_{share.pk}", "1000")
    page.fill("#id_comment", "Данные школ района; в 2024 году диагностика прошла во всех школах.")
    page.focus(f"#id_numerator_{share.pk}")
    tab_until(page, "document.activeElement.value", "submit")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "Отчёт отправлен" in page.inner_text("body")
    check("report-submitted")

    # An event held, recorded by the same coordinator: the form (with an error first), then the list.
    page.goto(site + "/admin/reporting/events/new/")
    page.select_option("#id_kind", "early")
    page.fill("#id_title", "Неделя профессий в детском саду")
    page.fill("#id_date", "2024-10-03")
    page.fill("#id_organiser", "МБДОУ № 5")
    page.fill("#id_preschool", "12")
    page.fill("#id_with_disabilities", "20")
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    assert "Больше, чем всех детей и обучающихся (12)." in page.inner_text("main")
    check("event-errors")
    page.fill("#id_with_disabilities", "2")
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    assert "Неделя профессий в детском саду" in page.inner_text("main table")
    check("events")

    sign_in(page, site, people["analitik"])
    page.goto(site + f"/admin/reporting/{round.pk}/")
    assert "отправлен" in page.inner_text(f"tr:has(a[href='{report_path}'])")
    check("dashboard")
    with page.expect_navigation():
        page.click(f"a[href='{report_path}']")
    check("report-analyst")
    with page.expect_navigation():
        page.click("button[value=approve]")
    with django_db_blocker.unblock():
        assert DistrictReport.objects.get(round=round, district=district).state == State.APPROVED
        approved = Observation.objects.reported().get(indicator=share, district=district, year=2024, is_current=True)
        assert (approved.numerator, approved.denominator) == (310, 1000)
    assert not problems, "\n".join(problems)
