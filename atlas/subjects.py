"""School subjects a profession can rest on (code, Russian name, English name): what the migration and the seed
write, in the default language and its English translation. Editors change and translate them in the admin
afterwards; the career builder keeps the codes (and their order: it encodes a diagnosis in a QR code)."""

from portal.translatable_rows import translate_names

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


def ensure_subjects(SchoolSubject, locale):
    """The subjects in ``locale`` (the default one), written where their code is missing; names editors changed
    are kept."""
    for code, name, _english in SCHOOL_SUBJECTS:
        SchoolSubject.objects.get_or_create(locale=locale, code=code, defaults={"name": name})


def ensure_subject_translations(subjects, locale):
    """The translations of ``subjects`` into ``locale`` (English), written where missing."""
    return translate_names(subjects, locale, {code: name for code, _name, name in SCHOOL_SUBJECTS}, "code")
