"""Every route once spelt in another transliteration than the portal's (portal.former_addresses) answers 301 to its
new spelling, query string kept: confirmation links with the old addresses were already e-mailed."""

import pytest

from atlas.models import AtlasIndexPage, EducationalOrganization
from competitions.models import CompetitionIndexPage, CompetitionPage
from portal.former_addresses import respelled
from portal.slugs import slug_for

QUERY = "?utm_source=mail&sent=1"
OLD_ADDRESSES = [
    "/organizatsiyam/registratsiya/",
    "/en/organizatsiyam/registratsiya/podtverzhdenie/a-token/",
    "/organizatsiyam/registratsiya/zayavka-otpravlena/",
    "/pedagogam/registratsiya/",
    "/pedagogam/registratsiya/podtverzhdenie/a-token/",
    "/pedagogam/registratsiya/zayavka-otpravlena/",
    "/studentam/registratsiya/podtverzhdenie/a-token/",
    "/en/studentam/registratsiya/zayavka-otpravlena/",
    "/studentam/kabinet/rezyume/",
    "/studentam/kabinet/rezyume/pdf/",
    "/studentam/kabinet/rezyume/fajly/7/",
    "/admin/rezyume/",
    "/admin/rezyume/3/fajl/4/",
    "{competitions}moi-zayavki/",
    "{competition}podat-zayavku/",
    "{atlas}uchebnye-zavedeniya/{college}/",
]


@pytest.mark.parametrize("old", OLD_ADDRESSES)
def test_an_old_spelling_answers_301_to_the_new_one_with_the_query(client, seeded_site, db, django_user_model, old):
    if old.startswith("/admin/"):  # the admin's addresses first ask an anonymous visitor to sign in
        client.force_login(django_user_model.objects.create_superuser("former", "former@example.ru", "x"))
    pages = {
        "competitions": CompetitionIndexPage.objects.live().first().url,
        "competition": CompetitionPage.objects.live().first().url,
        "atlas": AtlasIndexPage.objects.live().first().url,
        "college": EducationalOrganization.objects.first().slug,
    }
    old = old.format(**pages)
    answer = client.get(old + QUERY)
    assert (answer.status_code, answer["Location"]) == (301, respelled(old) + QUERY)
    assert respelled(old) != old
    if not old.startswith("/admin/"):
        assert client.get(respelled(old)).status_code != 404  # served (or asks to sign in, or refuses a bad token)


@pytest.mark.parametrize(
    ("old", "russian"),
    [
        ("organizatsiyam", "организациям"),
        ("registratsiya", "регистрация"),
        ("zayavka-otpravlena", "заявка отправлена"),
        ("rezyume", "резюме"),
        ("fajly", "файлы"),
        ("fajl", "файл"),
        ("moi-zayavki", "мои заявки"),
        ("podat-zayavku", "подать заявку"),
        ("uchebnye-zavedeniya", "учебные заведения"),
        ("konsultaciya", "консультация"),
    ],
)
def test_the_new_spelling_is_the_portal_transliteration(old, russian):
    assert respelled(f"/{old}/") == f"/{slug_for(russian)}/"
