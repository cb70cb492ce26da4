"""The seeder alone on an empty site: the four competitions in their phases, the past one's winners, idempotent."""

import pytest

from competitions.models import CompetitionPage, Entry, Phase
from competitions.seed import Seeder

pytestmark = pytest.mark.django_db


def test_the_seed_writes_the_competitions_in_their_phases_once(site_tree, client):
    Seeder(log=lambda *_: None).run()
    assert Seeder(log=lambda *_: None).run() == 0
    phases = {page.slug: page.phase() for page in CompetitionPage.objects.all()}
    assert phases == {
        "professii-moei-semi": Phase.OPEN,
        "vremia-vybirat-professiiu": Phase.UPCOMING,
        "luchshie-praktiki-proforientatsii-v-kolledzhakh": Phase.JUDGING,
        "professii-moei-semi-proshlyi-god": Phase.RESULTS,
    }
    assert all(page.is_demonstration and page.rules and page.jurors.exists() for page in CompetitionPage.objects.all())
    assert Entry.objects.filter(is_demonstration=True, result="winner").count() == 3
    html = client.get("/konkursy/professii-moei-semi-proshlyi-god/").content.decode()
    assert "Мария К., Школа № 1, г. Хабаровск" in html
