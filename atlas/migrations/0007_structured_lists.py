"""The card's «one per line» texts (duties, skills, qualities, contraindications) become lists of items:
every non-empty line becomes one item, in order, on the cards and in their revisions (so that a draft keeps
its lists); going back joins the items into lines again."""

import json
import uuid

import wagtail.fields
from django.db import migrations

LIST_FIELDS = ["duties", "hard_skills", "soft_skills", "personal_qualities", "contraindications"]
OLD = "{}_lines"  # the text field's name while both exist


def item_list(verbose_name):
    return wagtail.fields.StreamField(
        [("item", 0)],
        blank=True,
        block_lookup={0: ("wagtail.blocks.CharBlock", (), {"label": "item"})},
        verbose_name=verbose_name,
    )


def lines_to_items(text):
    """«a\\n\\nb» → the raw stream data of two items."""
    return [
        {"type": "item", "value": line.strip(), "id": str(uuid.uuid4())}
        for line in (text or "").splitlines()
        if line.strip()
    ]


def items_to_lines(stream):
    """The raw stream data (a list, or its JSON text as revisions keep it) → one item per line."""
    if isinstance(stream, str):
        try:
            stream = json.loads(stream) if stream.strip() else []
        except ValueError:
            return stream  # already text
    return "\n".join(str(item.get("value", "")).strip() for item in stream or [] if str(item.get("value", "")).strip())


def revisions(apps):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Revision = apps.get_model("wagtailcore", "Revision")
    content_type = ContentType.objects.filter(app_label="atlas", model="professionpage").first()
    if content_type is None:
        return Revision.objects.none()
    return Revision.objects.filter(content_type=content_type)


def lines_to_lists(apps, schema_editor):
    ProfessionPage = apps.get_model("atlas", "ProfessionPage")
    for page in ProfessionPage.objects.only("pk", *(OLD.format(name) for name in LIST_FIELDS)).iterator():
        for name in LIST_FIELDS:
            setattr(page, name, lines_to_items(getattr(page, OLD.format(name))))
        page.save(update_fields=LIST_FIELDS)
    for revision in revisions(apps).iterator():
        content = revision.content
        if any(
            isinstance(content.get(name), str) and not content[name].lstrip().startswith("[") for name in LIST_FIELDS
        ):
            for name in LIST_FIELDS:
                if isinstance(content.get(name), str) and not content[name].lstrip().startswith("["):
                    content[name] = json.dumps(lines_to_items(content[name]))
            revision.save(update_fields=["content"])


def lists_to_lines(apps, schema_editor):
    ProfessionPage = apps.get_model("atlas", "ProfessionPage")
    for page in ProfessionPage.objects.only("pk", *LIST_FIELDS).iterator():
        for name in LIST_FIELDS:
            setattr(page, OLD.format(name), "\n".join(str(child.value).strip() for child in getattr(page, name)))
        page.save(update_fields=[OLD.format(name) for name in LIST_FIELDS])
    for revision in revisions(apps).iterator():
        content = revision.content
        for name in LIST_FIELDS:
            if name in content:
                content[name] = items_to_lines(content[name])
        revision.save(update_fields=["content"])


class Migration(migrations.Migration):
    dependencies = [
        ("atlas", "0006_school_subject_one_name"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        *(migrations.RenameField("professionpage", name, OLD.format(name)) for name in LIST_FIELDS),
        migrations.AddField("professionpage", "duties", item_list("duties")),
        migrations.AddField("professionpage", "hard_skills", item_list("professional skills")),
        migrations.AddField("professionpage", "soft_skills", item_list("soft skills")),
        migrations.AddField("professionpage", "personal_qualities", item_list("personal qualities")),
        migrations.AddField("professionpage", "contraindications", item_list("medical contraindications")),
        migrations.RunPython(lines_to_lists, lists_to_lines),
        *(migrations.RemoveField("professionpage", OLD.format(name)) for name in LIST_FIELDS),
    ]
