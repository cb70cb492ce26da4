import datetime
import re

import pytest

from atlas.factories import (
    AtlasIndexPageFactory,
    DistrictFactory,
    EmployerFactory,
    OrganisationFactory,
    ProfessionPageFactory,
)
from atlas.models import OpenDay, ProfessionSuitability, SchoolSubject, Specialty
from career import klimov
from career.models import CareerBuilderPage
from navigator.models import ApplicantHandbookPage


def answers_for(*types):
    """An answer set choosing, in every pair, the first of ``types`` offered (else option «a»)."""
    answers = []
    for question in klimov.questions():
        offered = {question.a.type: "a", question.b.type: "b"}
        answers.append(next((offered[t] for t in types if t in offered), "a"))
    return "".join(answers)


def send_second_step(client, data, base="/konstruktor-karery/", **extra):
    """The second step as a browser sends it: its form fetched (with the nonce that counts the diagnosis
    once), then posted with ``data``; the response to the POST. ``extra``: the requests' META."""
    state = {key: data[key] for key in ("version", "code", "answers") if key in data}
    form = client.get(base + "o-sebe/", state, **extra).content.decode()
    nonce = re.search(r'name="nonce" value="([^"]+)"', form).group(1)
    return client.post(base + "o-sebe/", {**data, "nonce": nonce}, **extra)


def publish(page, **links):
    for name, values in links.items():
        getattr(page, name).set(values)
    page.save_revision().publish()
    return page


@pytest.fixture
def career(site_tree):
    """A small atlas with professions of different types, subjects, districts and suitability, open days,
    and the career builder page."""
    home, home_en = site_tree
    atlas = AtlasIndexPageFactory(parent=home)
    subjects = {s.code: s for s in SchoolSubject.objects.all()}
    amur = DistrictFactory(name="Амурский район", slug="amurskii")
    vanino = DistrictFactory(name="Ванинский район", slug="vaninskii")
    college = OrganisationFactory(name="Судостроительный колледж", city="Комсомольск-на-Амуре", district=amur)
    shipyard = EmployerFactory(name="Амурский судостроительный завод")
    specialty = Specialty.objects.create(
        locale=college.locale,
        name="Сварочное производство",
        slug="svarochnoe",
        code="22.02.06",
        duration="3 г. 10 мес.",
    )

    def profession(title, klimov_type, subject_codes, **fields):
        page = ProfessionPageFactory(parent=atlas, title=title, klimov_type=klimov_type, **fields)
        return publish(page, school_subjects=[subjects[c] for c in subject_codes])

    welder = profession("Сварщик", "technique", ["physics", "math"], demand_level="high")
    publish(welder, organisations=[college], employers=[shipyard], specialties=[specialty], districts=[amur])
    vet = profession("Ветеринарный фельдшер", "nature", ["biology", "chemistry"], demand_level="medium")
    teacher = profession(
        "Учитель начальных классов", "human", ["russian", "history"], demand_level="high", education_level="vo"
    )
    programmer = profession("Программист", "sign", ["math", "informatics"], demand_level="high", education_level="vo")
    designer = profession("Дизайнер", "art", ["art", "informatics"], demand_level="low")
    pilot = profession("Пилот", "technique", ["physics", "math"], demand_level="high", education_level="vo")
    pilot.suitability = [ProfessionSuitability(category="hearing", degree="not_suitable")]
    pilot.save_revision().publish()
    welder.suitability = [ProfessionSuitability(category="hearing", degree="limited", note="Нужны световые сигналы")]
    welder.save_revision().publish()

    handbook = ApplicantHandbookPage(title="Справочник для поступающих", slug="spravochnik")
    soon = datetime.date.today() + datetime.timedelta(days=1)
    OpenDay.objects.create(organisation=college, date=soon, place="Главный корпус")
    home.add_child(instance=handbook)
    handbook.save_revision().publish()

    builder = CareerBuilderPage(title="Конструктор карьеры", slug="konstruktor-karery")
    home.add_child(instance=builder)
    builder.save_revision().publish()
    return {
        "page": builder,
        "atlas": atlas,
        "amur": amur,
        "vanino": vanino,
        "college": college,
        "shipyard": shipyard,
        "welder": welder,
        "vet": vet,
        "teacher": teacher,
        "programmer": programmer,
        "designer": designer,
        "pilot": pilot,
        "home_en": home_en,
        "open_day": soon,
    }
