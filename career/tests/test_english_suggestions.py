"""The English career builder suggests the English atlas's cards (seeded as translations of the Russian ones)."""

from django.conf import settings

from atlas.models import MunicipalDistrict, ProfessionPage

from .conftest import answers_for, send_second_step

BASE = "/en/career-builder/"


def test_the_english_career_builder_suggests_english_cards_and_links_them(client, seeded_site, db):
    district = MunicipalDistrict.objects.get(locale__language_code="en", name="Komsomolsk-on-Amur City Okrug")
    data = {"version": "plain", "code": "", "answers": answers_for("technique"), "grade": 9, "level": "spo"}
    response = send_second_step(client, {**data, "district": district.slug, "subjects": ["physics"]}, base=BASE)
    assert response.status_code == 302, response.content.decode()[:2000]
    results = client.get(response["Location"])
    assert results.status_code == 200
    suggested = [suggestion.page for suggestion in results.context["ranking"].suggestions]
    assert suggested and all(page.locale.language_code == "en" for page in suggested)
    assert len(suggested) == ProfessionPage.objects.live().filter(locale__language_code="en").count()
    text = results.content.decode()
    first = suggested[0]
    assert first.klimov_type == "technique" and f'href="{first.url}"' in text and first.url.startswith("/en/atlas/")
    assert f"In demand in your district: {district.name}" in text
    russian = ProfessionPage.objects.live().filter(locale__language_code=settings.LANGUAGE_CODE)
    assert not any(f">{page.title}<" in text for page in russian)
