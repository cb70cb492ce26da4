"""Before the constraint that allows one current observation per key (0004): where concurrent saves left
several, the newest (by entry time) stays current, the older ones become its history, as a correction would
have made them. Nothing is deleted."""

from django.db import migrations
from django.db.models import Count

KEY = ("indicator_id", "district_id", "year", "origin", "grade_band")


def keep_the_newest_current(apps, schema_editor):
    Observation = apps.get_model("monitoring", "Observation")
    current = Observation.objects.filter(is_current=True).order_by()
    for key in current.values(*KEY).annotate(n=Count("pk")).filter(n__gt=1).values(*KEY):
        rows = list(current.filter(**key).order_by("entered_at", "pk"))
        for older, newer in zip(rows, rows[1:], strict=False):
            older.is_current = False
            older.save(update_fields=["is_current"])
            # Chain them, unless either is part of a history already (the link is one to one).
            if newer.replaces_id is None and not Observation.objects.filter(replaces=older).exists():
                newer.replaces = older
                newer.save(update_fields=["replaces"])


class Migration(migrations.Migration):
    dependencies = [("monitoring", "0002_observation_origin")]

    operations = [migrations.RunPython(keep_the_newest_current, migrations.RunPython.noop)]
