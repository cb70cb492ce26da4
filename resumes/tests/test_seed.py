"""The seed's 40 demonstration résumés on the small atlas of these tests: fictional, marked, shown to employers,
each with a profession, a place of study and experience; run twice, nothing doubles; nobody can sign in as them."""

import pytest

from resumes.models import Resume, StudentAccount
from resumes.seed import COUNT, DEMO, Seeder

pytestmark = pytest.mark.django_db


def test_the_seed_adds_40_marked_resumes_shown_to_employers(atlas_rows):
    assert Seeder(log=print).run() == COUNT
    students = StudentAccount.objects.all()
    assert students.count() == COUNT and all(s.full_name.startswith("Демо: ") for s in students)
    assert all(s.email.endswith("@demo.example.invalid") and not s.account.has_usable_password() for s in students)
    assert Resume.objects.shown().count() == COUNT
    for resume in Resume.objects.prefetch_related("professions", "education", "experience"):
        assert resume.about == DEMO and resume.professions.all() and resume.experience.all()
        assert [row.organisation for row in resume.education.all()] == [atlas_rows["college"]]
    assert Seeder(log=print).run() == 0 and Resume.objects.count() == COUNT
