"""Vacancies built for each test (nothing from the seed), on the organisations and atlas cards of the opportunities'
fixtures."""

import datetime
import itertools

import pytest
from django.utils import timezone
from wagtail.search import index

from conftest import forget_indexed, refresh_index  # noqa: F401 (refresh_index is imported from here)
from opportunities.tests.conftest import atlas_cards, editor, make_organisation  # noqa: F401 (fixtures)
from opportunities.tests.conftest import index_page as opportunity_index  # noqa: F401 (a fixture)
from vacancies.models import Vacancy, VacancyIndexPage

_numbers = itertools.count(1)


def days(n):
    return timezone.localdate() + datetime.timedelta(days=n)


@pytest.fixture
def vacancy_index(atlas_cards):  # noqa: F811
    page = VacancyIndexPage(title="Вакансии для молодёжи", slug="vakansii")
    atlas_cards["home"].add_child(instance=page)
    page.save_revision().publish()
    return page


def make_vacancy(organisation=None, *, reindex=True, **fields):
    """A vacancy of ``organisation`` (or, without one, as imported from «Работа России»), valid for a month unless
    ``valid_until`` says otherwise; indexed (in production the worker indexes it once the save commits)."""
    values = {
        "kind": "first_job",
        "title": f"Ученик слесаря {next(_numbers)}",
        "valid_until": days(30),
        "salary_from": 40_000,
        "salary_to": 55_000,
        "schedule": "Полный день",
        "requirements": "Среднее профессиональное образование",
        **fields,
    }
    if organisation is None:
        values.setdefault("source", "trudvsem")
        values.setdefault("source_id", f"test-{next(_numbers)}")
        values.setdefault("employer_name", "ООО «Дальневосточный завод»")
        values.setdefault("imported_at", timezone.now())
    vacancy = Vacancy(organisation=organisation, **values)
    vacancy.save()
    if reindex:
        index.insert_or_update_object(vacancy)
    return vacancy


def forget_indexed_vacancies():
    """Rolled-back tests leave their vacancies in OpenSearch (see the root conftest's forget_indexed_pages)."""
    forget_indexed(Vacancy)
