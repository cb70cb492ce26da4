import pytest

from atlas.factories import (
    AtlasIndexPageFactory,
    DistrictFactory,
    EmployerFactory,
    OrganisationFactory,
    ProfessionPageFactory,
    SectorFactory,
)
from atlas.models import ProfessionSuitability


@pytest.fixture
def atlas(site_tree):
    home, _ = site_tree
    return AtlasIndexPageFactory(parent=home)


@pytest.fixture
def catalogue(atlas):
    """Three professions that differ in every filterable way."""
    aviation = SectorFactory(name="Авиастроение")
    health = SectorFactory(name="Здравоохранение")
    amursk = DistrictFactory(name="Амурский муниципальный район")
    city = DistrictFactory(name="Городской округ «Город Хабаровск»")
    welder = ProfessionPageFactory(
        parent=atlas,
        title="Сварщик",
        sector=aviation,
        education_level="spo",
        klimov_type="technique",
        demand_level="high",
        salary_min=60_000,
        salary_max=90_000,
        is_future_profession=False,
    )
    welder.districts.set([amursk])
    welder.suitability = [ProfessionSuitability(category="hearing", degree="suitable", note="Жесты и табло")]
    welder.save_revision().publish()
    nurse = ProfessionPageFactory(
        parent=atlas,
        title="Медицинская сестра",
        sector=health,
        education_level="spo",
        klimov_type="human",
        demand_level="high",
        salary_min=45_000,
        salary_max=55_000,
    )
    nurse.districts.set([city])
    nurse.suitability = [ProfessionSuitability(category="hearing", degree="not_suitable")]
    nurse.save_revision().publish()
    engineer = ProfessionPageFactory(
        parent=atlas,
        title="Инженер-конструктор",
        sector=aviation,
        education_level="vo",
        klimov_type="sign",
        demand_level="medium",
        salary_min=None,
        salary_max=None,
        is_future_profession=True,
    )
    engineer.districts.set([city])
    engineer.save_revision().publish()
    employer = EmployerFactory(name="КнААЗ", sector=aviation)
    college = OrganisationFactory(name="Авиационно-технический колледж", district=amursk)
    welder.employers.set([employer])
    welder.organisations.set([college])
    welder.save_revision().publish()
    return {
        "welder": welder,
        "nurse": nurse,
        "engineer": engineer,
        "aviation": aviation,
        "amursk": amursk,
        "city": city,
        "employer": employer,
        "college": college,
    }
