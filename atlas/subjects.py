"""School subjects a profession can rest on (code, Russian name, English name)."""

SCHOOL_SUBJECTS = [
    ("math", "Математика", "Mathematics"),
    ("physics", "Физика", "Physics"),
    ("chemistry", "Химия", "Chemistry"),
    ("biology", "Биология", "Biology"),
    ("informatics", "Информатика", "Computer science"),
    ("russian", "Русский язык", "Russian"),
    ("literature", "Литература", "Literature"),
    ("history", "История", "History"),
    ("social", "Обществознание", "Social studies"),
    ("geography", "География", "Geography"),
    ("english", "Иностранный язык", "Foreign language"),
    ("technology", "Труд (технология)", "Technology"),
    ("art", "Изобразительное искусство", "Art"),
    ("pe", "Физическая культура", "Physical education"),
]


def ensure_subjects(SchoolSubject):
    for code, name_ru, name_en in SCHOOL_SUBJECTS:
        SchoolSubject.objects.get_or_create(code=code, defaults={"name_ru": name_ru, "name_en": name_en})
