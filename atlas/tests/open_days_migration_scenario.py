"""Run by test_open_days in a process of its own, on a fresh SQLite file given as the argument: migrate, step
back to when open days were rows of the handbook page, give the handbook three (one on an English organisation
repeating a Russian one's day), migrate forward, print the organisations' open days (JSON)."""

import datetime
import json
import os
import sys

os.environ["DATABASE_URL"] = f"sqlite:///{sys.argv[1]}"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")

import django

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.db.migrations.executor import MigrationExecutor  # noqa: E402
from wagtail.models import Locale, Page  # noqa: E402

from atlas.factories import OrganisationFactory  # noqa: E402
from atlas.models import OpenDay  # noqa: E402
from navigator.models import ApplicantHandbookPage  # noqa: E402

call_command("migrate", verbosity=0)
college = OrganisationFactory(name="Авиационный колледж")
college_en = college.copy_for_translation(Locale.objects.get_or_create(language_code="en")[0])
college_en.name = "Aviation college"
college_en.save()
university = OrganisationFactory(name="Тихоокеанский университет")
handbook = ApplicantHandbookPage(title="Справочник", slug="spravochnik")
Page.objects.get(depth=1).add_child(instance=handbook)

before = [("atlas", "0007_structured_lists"), ("navigator", "0001_initial")]
executor = MigrationExecutor(connection)
executor.migrate(before)
OldOpenDay = executor.loader.project_state(before).apps.get_model("navigator", "OpenDay")
for organisation, date, place in (
    (college, datetime.date(2026, 3, 14), "Главный корпус"),
    (college_en, datetime.date(2026, 3, 14), "Главный корпус"),  # the same day on the handbook's translation
    (college_en, datetime.date(2026, 4, 18), "Онлайн"),
    (university, datetime.date(2026, 2, 1), ""),
):
    OldOpenDay.objects.create(page_id=handbook.pk, organisation_id=organisation.pk, date=date, place=place)
executor = MigrationExecutor(connection)
executor.loader.build_graph()
executor.migrate(executor.loader.graph.leaf_nodes())

print(
    json.dumps(
        {
            name: [(day.date.isoformat(), day.place) for day in organisation.open_days.order_by("sort_order")]
            for name, organisation in (("college", college), ("college_en", college_en), ("university", university))
        }
        | {"count": OpenDay.objects.count()}
    )
)
