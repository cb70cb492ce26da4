"""A collection round built for each test: two indicators (a share and a count), two districts, a coordinator for
each, an analyst and an editor without either role (nothing from the seed)."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from atlas.factories import DistrictFactory
from monitoring.models import Indicator, Observation
from reporting.access import ANALYSTS, COORDINATORS
from reporting.models import CollectionRound
from teachers.models import Coordinator

PASSWORD = "Sbor-Amur-2026-x"


def person(django_user_model, username, *groups):
    user = django_user_model.objects.create_user(
        username, email=f"{username}@omsu.example.ru", password=PASSWORD, first_name=username.title()
    )
    user.groups.add(*Group.objects.filter(name__in=groups))
    return user


@pytest.fixture
def collection(db, django_user_model):
    share = Indicator.objects.create(
        number=1, name="Доля прошедших профдиагностику", unit=Indicator.PERCENT, share_of="обучающихся 6–11 классов"
    )
    count = Indicator.objects.create(number=10, name="Количество конкурсов", unit=Indicator.COUNT)
    amur = DistrictFactory(name="Амурский муниципальный район", slug="amurskii")
    vanino = DistrictFactory(name="Ванинский муниципальный район", slug="vaninskii")
    round = CollectionRound.objects.create(year=2024, deadline=timezone.localdate() + datetime.timedelta(days=10))
    round.indicators.set([share, count])
    coordinators = {}
    for district in (amur, vanino):
        user = person(django_user_model, f"koordinator-{district.slug}", COORDINATORS)
        Coordinator.objects.create(user=user).districts.set([district])
        coordinators[district.slug] = user
    # Last year's approved figures of Amursky: 40 % and 4 contests.
    Observation.objects.create(indicator=share, district=amur, year=2023, numerator=400, denominator=1000)
    Observation.objects.create(indicator=count, district=amur, year=2023, numerator=4)
    return {
        "round": round,
        "share": share,
        "count": count,
        "amur": amur,
        "vanino": vanino,
        "coordinator": coordinators["amurskii"],
        "other_coordinator": coordinators["vaninskii"],
        "analyst": person(django_user_model, "analitik", ANALYSTS),
        "editor": person(django_user_model, "redaktor", "Редакторы", "Editors"),
    }


def report_url(collection, district="amur"):
    return f"/admin/reporting/{collection['round'].pk}/{collection[district].pk}/"


def figures(collection, share=(450, 1000), count=5, comment=""):
    """The coordinator's form as posted: Amursky's values."""
    data = {
        f"numerator_{collection['share'].pk}": share[0],
        f"denominator_{collection['share'].pk}": share[1],
        f"numerator_{collection['count'].pk}": count,
        "comment": comment,
    }
    return {key: "" if value is None else value for key, value in data.items()}
