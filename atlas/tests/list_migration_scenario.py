"""Run by test_lists in a process of its own, on a fresh SQLite file given as the argument: migrate, make a card
with lists and a revision, step back to before the lists (items joined into lines), give the card three lines
with a blank one between, migrate forward, print what the card and its revision hold (JSON)."""

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
from wagtail.models import Page  # noqa: E402

from atlas.factories import AtlasIndexPageFactory, ProfessionPageFactory  # noqa: E402
from atlas.models import ProfessionPage  # noqa: E402

call_command("migrate", verbosity=0)
atlas = AtlasIndexPageFactory(parent=Page.objects.get(depth=1))
card = ProfessionPageFactory(parent=atlas, soft_skills=[("item", "Внимательность"), ("item", "Терпение")])
card.save_revision()

before, after = ("atlas", "0006_school_subject_one_name"), ("atlas", "0007_structured_lists")
executor = MigrationExecutor(connection)
executor.migrate([before])  # the lists become lines again
OldPage = executor.loader.project_state([before]).apps.get_model("atlas", "ProfessionPage")
joined = OldPage.objects.values("soft_skills", "contraindications").get(pk=card.pk)
OldPage.objects.filter(pk=card.pk).update(duties="Собирает узлы\n\n  Читает чертежи  \nПроверяет швы")
executor = MigrationExecutor(connection)
executor.loader.build_graph()
executor.migrate([after])
call_command("migrate", verbosity=0)  # the later migrations too: the current model reads their columns

card = ProfessionPage.objects.get(pk=card.pk)
print(
    json.dumps(
        {
            "joined": joined,
            "duties": card.duties_list,
            "blocks": [child.block_type for child in card.duties],
            "soft_skills": card.soft_skills_list,
            "revision_soft_skills": card.get_latest_revision_as_object().soft_skills_list,
        }
    )
)
