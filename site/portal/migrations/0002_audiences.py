from django.db import migrations

from portal.audiences import ensure_audiences


def create_audiences(apps, schema_editor):
    ensure_audiences(apps.get_model("portal", "Audience"))


class Migration(migrations.Migration):
    dependencies = [("portal", "0001_initial")]
    operations = [migrations.RunPython(create_audiences, migrations.RunPython.noop)]
