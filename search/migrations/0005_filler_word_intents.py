from django.db import migrations, models

# The intents of the filler words the seed adds (search/seed.py), for a site seeded before the field existed.
INTENTS = {
    "зарплата": "salary",
    "зарплаты": "salary",
    "получает": "salary",
    "платят": "salary",
    "заработок": "salary",
    "учиться": "study",
    "выучиться": "study",
}


def set_intents(apps, schema_editor):
    FillerWord = apps.get_model("portal_search", "FillerWord")
    for word, intent in INTENTS.items():
        FillerWord.objects.filter(word=word, intent="").update(intent=intent)


class Migration(migrations.Migration):
    dependencies = [
        ("portal_search", "0004_filler_words"),
    ]

    operations = [
        migrations.AddField(
            model_name="fillerword",
            name="intent",
            field=models.CharField(
                blank=True,
                choices=[
                    ("salary", "the salary of a profession"),
                    ("study", "where to study for a profession"),
                ],
                help_text=(
                    "What a query with this word asks for, if anything: the search then answers above its results "
                    "with the salary block or the «where to study» block of the profession named."
                ),
                max_length=10,
                verbose_name="intent",
            ),
        ),
        migrations.RunPython(set_intents, migrations.RunPython.noop),
    ]
