from django.conf import settings
from django.db import migrations

from career.calendar import ensure_steps


def create_steps(apps, schema_editor):
    """The monthly steps in the default language, as they were written in code before (the English translations
    come with the seed)."""
    Locale = apps.get_model("wagtailcore", "Locale")
    locale, _created = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    ensure_steps(apps.get_model("career", "MonthlyStep"), locale)


class Migration(migrations.Migration):
    dependencies = [("career", "0005_monthlystep")]
    operations = [migrations.RunPython(create_steps, migrations.RunPython.noop)]
