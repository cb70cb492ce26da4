from django.conf import settings
from django.db import migrations

from career.items import ensure_questions


def create_questions(apps, schema_editor):
    """The questionnaire's 20 questions in the default language, as they were written in code before (the English
    translations come with the seed)."""
    Locale = apps.get_model("wagtailcore", "Locale")
    locale, _created = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    ensure_questions(apps.get_model("career", "QuestionnaireQuestion"), locale)


class Migration(migrations.Migration):
    dependencies = [("career", "0003_questionnairequestion")]
    operations = [migrations.RunPython(create_questions, migrations.RunPython.noop)]
