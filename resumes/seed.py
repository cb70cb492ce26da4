"""Demonstration résumés: 40 fictional students and graduates (``demo.example.invalid`` addresses, nobody can sign in
as them, «Демо» in every name and a line saying so in every résumé), shown to verified employers so that the search
has something to find. ``make_resumes`` is also how bench/resumes.py fills a database with 10,000."""

import itertools
import random

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from atlas.models import EducationalOrganization, MunicipalDistrict, ProfessionPage, Specialty
from opportunities.seed import DEMO_DOMAIN
from portal import locales
from portal.account_requests import RequestStatus
from portal.seeding import PageSeeder

from . import consent
from .models import Consent, ExperienceKind, Resume, ResumeEducation, ResumeExperience, StudentAccount

COUNT = 40
DEMO = "Демонстрационное резюме: такого человека нет, оно показывает работодателям, как выглядит резюме студента."
# (surname, first names): women's and men's forms, so that a fictional name still reads as a name.
PEOPLE = [
    (["Амурская", "Ванинская", "Горинская", "Зейская", "Ельцова"], ["Алина", "Вера", "Дарья", "Злата", "Кира", "Мира"]),
    (["Амурский", "Бикинский", "Горинский", "Журавлёв", "Иманов"], ["Богдан", "Глеб", "Егор", "Илья", "Лев", "Никита"]),
]
EXPERIENCE = [
    (ExperienceKind.PRACTICE, "Производственная практика", "2025", "Работа в бригаде с наставником."),
    (ExperienceKind.TRIAL, "Профессиональная проба", "2024", "Один день на предприятии, выполнено задание."),
    (ExperienceKind.ABILYMPICS, "Участие в региональном чемпионате «Абилимпикс»", "2025", ""),
    (ExperienceKind.PROFESSIONALS, "Региональный этап чемпионата «Профессионалы»", "2025", "Диплом участника."),
    (ExperienceKind.WORK, "Летняя подработка", "июнь–август 2024", "Помощь на складе."),
    (ExperienceKind.CLUB, "Волонтёр городских мероприятий", "2023–2025", ""),
]
SUPPORT = ["", "", "", "Рабочее место, доступное для коляски.", "Переводчик русского жестового языка на собеседовании."]


class Seeder(PageSeeder):
    def run(self):
        existing = StudentAccount.objects.filter(email__endswith=f"@{DEMO_DOMAIN}").count()
        if existing >= COUNT:
            return 0
        return make_resumes(COUNT - existing, start=existing, rng=random.Random(19))  # noqa: S311 (demonstration data, not secrets)


def atlas_choices():
    original = {"locale__language_code": locales.default_language()}
    cards = list(ProfessionPage.objects.live().filter(**original).order_by("pk"))
    districts = list(MunicipalDistrict.objects.filter(**original).order_by("pk"))
    pairs = list(
        Specialty.organisations.through.objects.filter(specialty__locale__language_code=locales.default_language())
        .order_by("pk")
        .values_list("educationalorganization_id", "specialty_id")
    )
    if not pairs:
        colleges = EducationalOrganization.objects.filter(**original).values_list("pk", flat=True)
        specialties = Specialty.objects.filter(**original).values_list("pk", flat=True)
        pairs = list(zip(colleges, itertools.cycle(specialties or [None])))
    return cards, districts, pairs


@transaction.atomic
def make_resumes(count, *, start=0, rng, domain=DEMO_DOMAIN):
    """``count`` fictional students with a consent in force and a résumé shown to employers; returns the count."""
    cards, districts, pairs = atlas_choices()
    if not cards or not districts:
        return 0
    now = timezone.now()
    unusable = make_password(None)  # nobody signs in as a demonstration student
    users = get_user_model().objects.bulk_create(
        get_user_model()(username=address, email=address, password=unusable)
        for address in (f"student{number:05d}@{domain}" for number in range(start, start + count))
    )
    students = StudentAccount.objects.bulk_create(
        StudentAccount(
            full_name="Демо: {} {}".format(*map(rng.choice, rng.choice(PEOPLE))),
            birth_date=now.date().replace(year=now.year - rng.randint(17, 24), day=1),
            occupation=rng.choice(["college", "graduate", "university"]),
            email=user.email,
            account=user,
            status=RequestStatus.CONFIRMED,
            consent_at=now,
            confirmed_at=now,
            language=locales.default_language(),
        )
        for user in users
    )
    digest = consent.digest()
    Consent.objects.bulk_create(
        Consent(student=student, version=consent.CURRENT, digest=digest, given_at=now) for student in students
    )
    resumes = Resume.objects.bulk_create(
        Resume(
            student=student,
            visible=True,
            district=rng.choice(districts),
            ready_to_move=rng.random() < 0.3,
            about=DEMO,
            skills="\n".join(rng.sample(["Чтение чертежей", "Работа в команде", "1С", "Охрана труда"], 2)),
            languages=rng.choice(["", "английский — читаю со словарём"]),
            driving_licences=rng.choice([[], ["B"], ["B", "C"]]),
            support_needs=(support := rng.choice(SUPPORT)),
            support_needs_shown=bool(support),
            contact_email=student.email,
            phone=f"+7 900 {rng.randint(100, 999)}-{rng.randint(10, 99)}-{rng.randint(10, 99)}",
        )
        for student in students
    )
    Resume.professions.through.objects.bulk_create(
        Resume.professions.through(resume_id=resume.pk, professionpage_id=card.pk)
        for resume in resumes
        for card in rng.sample(cards, min(len(cards), rng.randint(1, 2)))
    )
    ResumeEducation.objects.bulk_create(
        ResumeEducation(
            resume=resume,
            organisation_id=(pair := rng.choice(pairs))[0] if pairs else None,
            organisation_name="" if pairs else "Колледж (демонстрационные данные)",
            specialty_id=pair[1] if pairs else None,
            specialty_name="" if pairs and pair[1] else "Специальность (демонстрационные данные)",
            graduation_year=now.year + rng.randint(-2, 2),
        )
        for resume in resumes
    )
    ResumeExperience.objects.bulk_create(
        ResumeExperience(resume=resume, kind=kind, title=title, period=period, description=text, place="Хабаровск")
        for resume in resumes
        for kind, title, period, text in rng.sample(EXPERIENCE, rng.randint(1, 3))
    )
    return len(resumes)
