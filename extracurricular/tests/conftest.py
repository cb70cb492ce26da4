"""Programmes and the catalogue page built for each test (nothing from the seed)."""

import itertools

import pytest
from wagtail.search import index

from atlas.factories import DistrictFactory
from conftest import forget_indexed, refresh_index  # noqa: F401 (refresh_index is imported from here)
from extracurricular.models import ExtracurricularCatalogPage, ExtracurricularProgramme

_numbers = itertools.count(1)


@pytest.fixture
def districts(site_tree):
    home, _english = site_tree
    return {
        "home": home,
        "amur": DistrictFactory(name="Амурский район"),
        "vanino": DistrictFactory(name="Ванинский район"),
    }


@pytest.fixture
def catalogue(districts):
    page = ExtracurricularCatalogPage(title="Кружки и секции", slug="dopolnitelnoe-obrazovanie")
    districts["home"].add_child(instance=page)
    page.save_revision().publish()
    return page


def make_programme(district, *, reindex=True, **fields):
    """A free technical programme for ages 8–12 in ``district``, unless ``fields`` say otherwise; indexed (in
    production the worker indexes it once the save commits)."""
    values = {
        "title_ru": f"Кружок {next(_numbers)}",
        "organisation": "Дом детского творчества",
        "direction": "technical",
        "age_from": 8,
        "age_to": 12,
        "cost": "free",
        "schedule": "вт, чт 15:00–16:30",
        "summary": "Собираем модели и учимся работать с инструментом.",
        "is_demonstration": True,
        **fields,
    }
    programme = ExtracurricularProgramme.objects.create(district=district, **values)
    if reindex:
        index.insert_or_update_object(programme)
    return programme


def forget_indexed_programmes():
    """Rolled-back tests leave their programmes in OpenSearch (see the root conftest's forget_indexed_pages)."""
    forget_indexed(ExtracurricularProgramme)
