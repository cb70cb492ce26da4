import pytest

from atlas.factories import AtlasIndexPageFactory, OrganisationFactory, ProfessionPageFactory, SectorFactory
from atlas.models import OpenDay, ProfessionSuitability, Specialty
from navigator.models import (
    ApplicantHandbookPage,
    EqualOpportunitiesPage,
    NavigatorIndexPage,
    ProfnavigatorEditionPage,
)


def add(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def edition_sections(*groups):
    return [("section", {"title": title, "sector": None, "notes": "", "professions": pages}) for title, pages in groups]


@pytest.fixture
def guides(site_tree):
    home, _ = site_tree
    atlas = AtlasIndexPageFactory(parent=home)
    sector = SectorFactory(name="Авиастроение")
    college = OrganisationFactory(name="Авиационный колледж", accessibility="Пандус, сурдопереводчик")
    welder = ProfessionPageFactory(
        parent=atlas,
        title="Сварщик",
        sector=sector,
        contraindications=[("item", "Нарушения зрения"), ("item", "Эпилепсия")],
    )
    welder.suitability = [ProfessionSuitability(category="hearing", degree="suitable", note="Световые сигналы")]
    welder.organisations.set([college])
    welder.specialties.set(
        [
            Specialty.objects.create(
                locale=college.locale,
                name="Сварщик (ручной сварки)",
                slug="svarshchik-rs",
                code="15.01.05",
                adapted_for="hearing, musculoskeletal",
            )
        ]
    )
    welder.save_revision().publish()
    turner = ProfessionPageFactory(parent=atlas, title="Токарь", sector=sector)
    turner.suitability = [ProfessionSuitability(category="hearing", degree="limited", note="Нужен наставник")]
    turner.save_revision().publish()
    pilot = ProfessionPageFactory(parent=atlas, title="Пилот", sector=sector)
    pilot.suitability = [ProfessionSuitability(category="hearing", degree="not_suitable")]
    pilot.save_revision().publish()

    index = add(home, NavigatorIndexPage(title="Профнавигатор", slug="navigator"))
    old = add(
        index,
        ProfnavigatorEditionPage(
            title="Профнавигатор-2025",
            slug="pn-2025",
            year=2025,
            sections=edition_sections(("Авиастроение", [welder, pilot])),
        ),
    )
    new = add(
        index,
        ProfnavigatorEditionPage(
            title="Профнавигатор-2026",
            slug="pn-2026",
            year=2026,
            is_current=True,
            sections=edition_sections(("Авиастроение", [turner, welder])),
        ),
    )
    equal = add(index, EqualOpportunitiesPage(title="Профнавигатор равных возможностей", slug="ravnye"))
    handbook = ApplicantHandbookPage(title="Справочник для поступающих", slug="spravochnik")
    add(index, handbook)
    OpenDay.objects.create(organisation=college, date="2026-03-14", place="Комсомольск-на-Амуре")
    return {
        "index": index,
        "old": old,
        "new": new,
        "equal": equal,
        "handbook": handbook,
        "welder": welder,
        "turner": turner,
        "pilot": pilot,
        "college": college,
        "atlas": atlas,
    }
