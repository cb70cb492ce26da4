"""Run by test_open_days in a process of its own, on an empty SQLite file given as the argument: migrate forward
only to when open days were rows of the handbook page (and what that depends on), give the handbook three (one on
an English organisation repeating a Russian one's day), migrate to the migration that moves them, print the
organisations' open days (JSON). The rows are made with the models of that state, as the migration reads them."""

import datetime
import json
import os
import sys
import uuid

os.environ["DATABASE_URL"] = f"sqlite:///{sys.argv[1]}"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")

import django

django.setup()

from portal.tests.scenario_migrations import migrate_to  # noqa: E402

before = [("atlas", "0007_structured_lists"), ("navigator", "0001_initial")]
after = [("atlas", "0008_open_days_on_organisations")]
apps = migrate_to(before)
Locale, Page = apps.get_model("wagtailcore", "Locale"), apps.get_model("wagtailcore", "Page")
russian, english = Locale.objects.get(language_code="ru"), Locale.objects.get_or_create(language_code="en")[0]
Organisation = apps.get_model("atlas", "EducationalOrganization")


def organisation(name, slug, locale, translation_key=None):
    key = translation_key or uuid.uuid4()
    return Organisation.objects.create(name=name, slug=slug, kind="spo", locale=locale, translation_key=key)


college = organisation("Авиационный колледж", "aviacionnyi-kolledzh", russian)
college_en = organisation("Aviation college", "aviacionnyi-kolledzh", english, college.translation_key)
university = organisation("Тихоокеанский университет", "tikhookeanskii-universitet", russian)
# The handbook page under the tree's root, as Page.add_child would place it (the historical model has no treebeard).
root = Page.objects.get(depth=1)
content_type = apps.get_model("contenttypes", "ContentType").objects.get_or_create(
    app_label="navigator", model="applicanthandbookpage"
)[0]
handbook = apps.get_model("navigator", "ApplicantHandbookPage").objects.create(
    title="Справочник",
    draft_title="Справочник",
    slug="spravochnik",
    path=f"{root.path}{root.numchild + 1:04d}",
    depth=2,
    url_path="/spravochnik/",
    content_type=content_type,
    locale=russian,
    translation_key=uuid.uuid4(),
)
Page.objects.filter(pk=root.pk).update(numchild=root.numchild + 1)

OldOpenDay = apps.get_model("navigator", "OpenDay")
for owner, date, place in (
    (college, datetime.date(2026, 3, 14), "Главный корпус"),
    (college_en, datetime.date(2026, 3, 14), "Главный корпус"),  # the same day on the handbook's translation
    (college_en, datetime.date(2026, 4, 18), "Онлайн"),
    (university, datetime.date(2026, 2, 1), ""),
):
    OldOpenDay.objects.create(page_id=handbook.pk, organisation_id=owner.pk, date=date, place=place)
apps = migrate_to(after)
Organisation, OpenDay = apps.get_model("atlas", "EducationalOrganization"), apps.get_model("atlas", "OpenDay")

print(
    json.dumps(
        {
            name: [
                (day.date.isoformat(), day.place)
                for day in Organisation.objects.get(pk=owner.pk).open_days.order_by("sort_order")
            ]
            for name, owner in (("college", college), ("college_en", college_en), ("university", university))
        }
        | {"count": OpenDay.objects.count()}
    )
)
