"""The fixed list of audiences pages are written for (slug, Russian name, English name): what the migration and the
seed write, in the default language and its English translation. Editors rename and translate them in the admin."""

from portal.translatable_rows import translate_names

AUDIENCES = [
    ("students", "Школьникам и студентам", "Students"),
    ("parents", "Родителям", "Parents"),
    ("teachers", "Педагогам", "Teachers"),
    ("disabled_youth", "Молодёжи с ОВЗ и инвалидностью", "Young people with disabilities"),
    ("employers", "Работодателям", "Employers"),
    ("specialists", "Специалистам системы профориентации", "Career guidance specialists"),
]


def ensure_audiences(Audience, locale):
    """Create the audiences that are missing in ``locale`` (the default one); names editors changed are kept."""
    for order, (slug, name, _english) in enumerate(AUDIENCES, start=1):
        Audience.objects.get_or_create(locale=locale, slug=slug, defaults={"name": name, "sort_order": order})


def ensure_audience_translations(audiences, locale):
    """The translations of ``audiences`` into ``locale`` (English), written where missing."""
    return translate_names(audiences, locale, {slug: name for slug, _name, name in AUDIENCES}, "slug")
