"""Students' accounts as a student opens and uses one."""

import datetime

import pytest

from opportunities.tests.conftest import editor, make_organisation  # noqa: F401 (fixtures)
from portal.tests.helpers import request_confirmer, request_sender

REGISTER = "/studentam/registratsiia/"
CABINET = "/studentam/kabinet/"
PASSWORD = "Student-Amur-2026"


@pytest.fixture
def student_data(db):
    """The form's fields for a valid account (a student of 19), with any changed by keyword."""

    def data(**changed):
        return {
            "full_name": "Иванов Пётр Сергеевич",
            "birth_date": "2007-03-05",
            "occupation": "college",
            "email": "ivanov.petr@student.example.ru",
            "password1": PASSWORD,
            "password2": PASSWORD,
            "consent": "on",
            **changed,
        }

    return data


@pytest.fixture
def registered(client, site_tree, student_data):
    """``registered(**changed)``: posts the form and returns the StudentAccount and its confirmation link."""
    from resumes.models import StudentAccount

    return request_sender(client, REGISTER, student_data, StudentAccount)


@pytest.fixture
def confirmed(client, registered):
    return request_confirmer(client, registered)


@pytest.fixture
def signed_in(client, confirmed):
    """A confirmed student, signed in."""
    student = confirmed()
    client.force_login(student.account)
    return student


def years_ago(years, days=0):
    today = datetime.date.today()
    return (today.replace(year=today.year - years) - datetime.timedelta(days=days)).isoformat()


RESUME = CABINET + "reziume/"


@pytest.fixture
def atlas_rows(site_tree):
    """What a résumé links to: two atlas cards under the atlas, two districts, a college with a specialty."""
    from atlas.factories import AtlasIndexPageFactory, DistrictFactory, OrganisationFactory, ProfessionPageFactory
    from atlas.models import Specialty

    home, _english_home = site_tree
    atlas = AtlasIndexPageFactory(parent=home)
    college = OrganisationFactory(name="Хабаровский технический колледж")
    specialty = Specialty.objects.create(
        name="Сварочное производство", code="22.02.06", slug="svarochnoe", locale=college.locale
    )
    specialty.organisations.add(college)
    return {
        "welder": ProfessionPageFactory(parent=atlas, title="Сварщик", slug="svarshchik"),
        "cook": ProfessionPageFactory(
            parent=atlas, title="Повар", slug="povar", hard_skills=[("item", "Работа с тестом")]
        ),
        "khabarovsk": DistrictFactory(name="Хабаровск"),
        "amursk": DistrictFactory(name="Амурский район"),
        "college": college,
        "specialty": specialty,
    }


@pytest.fixture
def resume_data(atlas_rows):
    """The résumé form's fields, as a browser posts them, with one place of study and one experience row."""

    def data(**changed):
        return {
            "professions": [atlas_rows["welder"].pk],
            "position": "Сварщик-стажёр",
            "district": atlas_rows["khabarovsk"].pk,
            "ready_to_move": "on",
            "about": "Люблю работать руками.",
            "skills": "Чтение чертежей\nРабота с болгаркой",
            "languages": "английский — читаю со словарём",
            "driving_licences": ["B"],
            "support_needs": "",
            "phone": "+7 914 000-00-00",
            "contact_email": "ivanov.petr@student.example.ru",
            "visible": "on",
            "education-TOTAL_FORMS": "1",
            "education-INITIAL_FORMS": "0",
            "education-0-organisation": atlas_rows["college"].pk,
            "education-0-specialty": atlas_rows["specialty"].pk,
            "education-0-graduation_year": "2027",
            "experience-TOTAL_FORMS": "1",
            "experience-INITIAL_FORMS": "0",
            "experience-0-kind": "abilympics",
            "experience-0-title": "2-е место по сварке",
            "experience-0-place": "Хабаровск",
            "experience-0-period": "2025",
            **changed,
        }

    return data


@pytest.fixture
def make_shown_resume(atlas_rows):
    """``make_shown_resume(email, **fields)``: a confirmed student of 20 with a consent in force and a résumé shown to
    employers (the welder in Khabarovsk, a place of study at the college, graduating in 2027), built without the
    forms."""
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from resumes import accounts
    from resumes.models import Resume, StudentAccount

    def make(email, *, graduation_year=2027, **fields):
        user = get_user_model().objects.create_user(email, email, PASSWORD)
        student = StudentAccount.objects.create(
            full_name=fields.pop("full_name", "Петрова Анна Ивановна"),
            birth_date="2006-01-02",
            occupation="college",
            email=email,
            account=user,
            status="confirmed",
            consent_at=timezone.now(),
            language="ru",
        )
        accounts.give_consent(student)
        values = {"visible": True, "district": atlas_rows["khabarovsk"], "phone": "+7 900 123-45-67", **fields}
        resume = Resume.objects.create(student=student, contact_email=email, **values)
        resume.professions.add(atlas_rows["welder"])
        resume.education.create(
            organisation=atlas_rows["college"], specialty=atlas_rows["specialty"], graduation_year=graduation_year
        )
        return resume

    return make
