"""Run by test_lists in a process of its own, on an empty SQLite file given as the argument: migrate forward only to
the lists (and what they depend on), make a card with lists and a revision, step back to before the lists (items
joined into lines), give the card three lines with a blank one between, migrate forward to the lists again, print
what the card and its revision hold as the current model reads them (JSON). The rows are made with the models of
the migrations' state, as the migration reads them."""

import json
import os
import sys
import uuid

os.environ["DATABASE_URL"] = f"sqlite:///{sys.argv[1]}"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")

import django

django.setup()

from django.utils import timezone  # noqa: E402

from atlas.models import ProfessionPage  # noqa: E402
from atlas.models.pages import items  # noqa: E402
from portal.tests.scenario_migrations import migrate_to  # noqa: E402

before, after = ("atlas", "0006_school_subject_one_name"), ("atlas", "0007_structured_lists")


apps = migrate_to([after])
Page, Locale = apps.get_model("wagtailcore", "Page"), apps.get_model("wagtailcore", "Locale")
content_type = apps.get_model("contenttypes", "ContentType").objects.get_or_create(
    app_label="atlas", model="professionpage"
)[0]
root = Page.objects.get(depth=1)
soft_skills = [{"type": "item", "value": text, "id": str(uuid.uuid4())} for text in ("Внимательность", "Терпение")]
card = apps.get_model("atlas", "ProfessionPage").objects.create(
    title="Сварщик",
    draft_title="Сварщик",
    slug="svarshchik",
    path=f"{root.path}{root.numchild + 1:04d}",  # as Page.add_child places it (no treebeard in this state)
    depth=2,
    url_path="/svarshchik/",
    content_type=content_type,
    locale=Locale.objects.get(language_code="ru"),
    translation_key=uuid.uuid4(),
    soft_skills=soft_skills,
)
Page.objects.filter(pk=root.pk).update(numchild=root.numchild + 1)
# A revision as save_revision() keeps it: the page's fields, a stream as its JSON text.
apps.get_model("wagtailcore", "Revision").objects.create(
    content_type=content_type,
    base_content_type=apps.get_model("contenttypes", "ContentType").objects.get_or_create(
        app_label="wagtailcore", model="page"
    )[0],
    object_id=str(card.pk),
    object_str=card.title,
    created_at=timezone.now(),
    content={
        "pk": card.pk,
        "title": card.title,
        "slug": card.slug,
        **{name: json.dumps(soft_skills if name == "soft_skills" else []) for name in ("duties", "soft_skills")},
        **dict.fromkeys(("hard_skills", "personal_qualities", "contraindications"), "[]"),
    },
)

OldPage = migrate_to([before]).get_model("atlas", "ProfessionPage")  # the lists become lines again
joined = OldPage.objects.values("soft_skills", "contraindications").get(pk=card.pk)
revision_joined = apps.get_model("wagtailcore", "Revision").objects.get(object_id=str(card.pk)).content["soft_skills"]
OldPage.objects.filter(pk=card.pk).update(duties="Собирает узлы\n\n  Читает чертежи  \nПроверяет швы")
apps = migrate_to([after])


def as_current(name, value):
    """A list as the current model reads it (its field's blocks)."""
    return ProfessionPage._meta.get_field(name).to_python(value)


card = apps.get_model("atlas", "ProfessionPage").objects.get(pk=card.pk)
duties = as_current("duties", card.duties.get_prep_value())
revision = apps.get_model("wagtailcore", "Revision").objects.get(object_id=str(card.pk))
print(
    json.dumps(
        {
            "joined": joined,
            "revision_joined": revision_joined,
            "duties": items(duties),
            "blocks": [child.block_type for child in duties],
            "soft_skills": items(as_current("soft_skills", card.soft_skills.get_prep_value())),
            "revision_soft_skills": items(as_current("soft_skills", revision.content["soft_skills"])),
        }
    )
)
