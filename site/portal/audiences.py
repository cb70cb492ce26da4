"""The fixed list of audiences pages are written for (slug, Russian name, English name)."""

AUDIENCES = [
    ("students", "Школьникам и студентам", "Students"),
    ("parents", "Родителям", "Parents"),
    ("teachers", "Педагогам", "Teachers"),
    ("disabled_youth", "Молодёжи с ОВЗ и инвалидностью", "Young people with disabilities"),
    ("employers", "Работодателям", "Employers"),
    ("specialists", "Специалистам системы профориентации", "Career guidance specialists"),
]


def ensure_audiences(Audience):
    """Create the audiences that are missing; names editors changed are kept."""
    for order, (slug, name_ru, name_en) in enumerate(AUDIENCES, start=1):
        Audience.objects.get_or_create(
            slug=slug, defaults={"name_ru": name_ru, "name_en": name_en, "sort_order": order}
        )
