"""The directory page and two centres in two districts, each with a staff account (nothing from the seed)."""

import pytest
from django.contrib.auth import get_user_model

from atlas.models import MunicipalDistrict
from parents.access import centre_staff_group
from parents.models import SupportCentre, SupportCentresPage

PASSWORD = "Centre-Amur-2026"


@pytest.fixture
def centres_page(site_tree):
    home, _english = site_tree
    page = SupportCentresPage(title="Куда обратиться за помощью", slug="tsentry")
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


def make_staff(username):
    user = get_user_model().objects.create_user(username, username, PASSWORD, first_name="Ольга")
    user.groups.add(centre_staff_group())
    return user


@pytest.fixture
def centres(centres_page):
    """{"amursk": centre, "vanino": centre, "krai": centre}: two districts' and a krai-wide one with no staff."""
    locale = centres_page.locale
    made = {}
    for key, district_name in (("amursk", "Амурский муниципальный район"), ("vanino", "Ванинский муниципальный район")):
        district = MunicipalDistrict.objects.create(name=district_name, slug=key, locale=locale)
        centre = SupportCentre.objects.create(
            name_ru=f"Центр помощи: {district_name}",
            district=district,
            address="ул. Ленина, 1",
            phone="+7 (4217) 00-00-01",
            email=f"{key}@centre.example.ru",
            hours_ru="пн–пт 9:00–18:00",
        )
        centre.staff.add(make_staff(f"staff-{key}@centre.example.ru"))
        made[key] = centre
    made["krai"] = SupportCentre.objects.create(
        name_ru="Краевой центр профориентации",
        kind="career",
        address="г. Хабаровск",
        phone="+7 4212 00-00-02",
        email="krai@centre.example.ru",
        hours_ru="пн–пт 10:00–17:00",
        hours_en="Mon–Fri 10:00–17:00",
    )
    return made
