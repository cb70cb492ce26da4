"""The demo site's fairs (load_seed, shared with the other tests on the seeded site): one past fair with its results
and one coming fair for graduates with disabilities, each with eight booths; the coming one's slots can be booked."""

import pytest
from django.utils import timezone

from fairs.models import FairPage
from fairs.seed import BOOTHS


@pytest.fixture
def seeded(seeded_site, db):
    return seeded_site


def test_the_seed_has_a_past_and_a_coming_fair_with_eight_booths(seeded, client):
    fairs = list(FairPage.objects.filter(locale__language_code="ru").order_by("starts_on"))
    assert len(fairs) == 2
    past, coming = fairs
    today = timezone.localdate()
    assert past.ends_on < today <= coming.starts_on and coming.for_disabilities and coming.sign_language
    assert past.booths.count() == coming.booths.count() == BOOTHS
    assert all(booth.interviews and booth.offers is not None for booth in past.booths.all())
    assert all(booth.slots.count() == 4 and booth.text for booth in coming.booths.all())
    html = client.get(coming.url).content.decode()
    assert "Демонстрационные данные" in html and html.count('class="booth"') == BOOTHS
    english = coming.get_translation(coming.locale.__class__.objects.get(language_code="en"))
    assert "Vacancy fair for graduates with disabilities" in client.get(english.url).content.decode()
