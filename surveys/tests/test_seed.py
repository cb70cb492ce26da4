"""The demo site's two surveys (load_seed, shared with the other tests on the seeded site): the students' one asks for
the district from the atlas's list, the employers' one for the sector; neither asks anything that names a person."""

import pytest

from atlas.models import MunicipalDistrict
from surveys.models import SurveyPage
from surveys.questions import QUESTION_KINDS
from surveys.seed import EMPLOYERS, STUDENTS


@pytest.fixture
def seeded(seeded_site, db):
    return seeded_site


def test_the_seed_has_the_two_surveys_of_the_plan(seeded, client):
    students, employers = (
        SurveyPage.objects.get(slug=slug) for slug in ("opros-informirovannost", "opros-rabotodatelei")
    )
    assert students.questions.count() == len(STUDENTS) and employers.questions.count() == len(EMPLOYERS)
    kinds = {kind for kind, _label in QUESTION_KINDS}
    assert all(q.field_type in kinds for q in SurveyPage.objects.first().questions.all())
    district = students.questions.get(field_type="dropdown")
    assert district.choices.split("\n") == list(
        MunicipalDistrict.objects.filter(locale__language_code="ru").order_by("name").values_list("name", flat=True)
    )
    html = client.get(students.url).content.decode()
    assert "Насколько хорошо вы знаете, какие профессии востребованы в Хабаровском крае?" in html
    assert 'type="email"' not in html and 'type="date"' not in html
