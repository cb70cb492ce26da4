"""The privacy page says who the operator is, what is kept, why, who sees it, how long, and the person's rights."""

import re

import pytest

pytestmark = pytest.mark.django_db


def test_the_privacy_page_states_the_rules_and_is_linked_from_every_page(client, site_tree, settings):
    settings.PERSONAL_DATA_OPERATOR = {"name": "ХК ИРО", "address": "г. Хабаровск", "email": "pd@example.ru"}
    html = client.get("/privacy/").content.decode()
    assert "<h1>Персональные данные на портале</h1>" in html
    assert "Оператор персональных данных, обрабатываемых на портале, — ХК ИРО" in html
    assert "Адрес: г. Хабаровск." in html and "pd@example.ru" in html
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))
    assert "после отзыва согласия — 30 дней" in text
    assert "контакты и заметки — через 90 дней после визита" in text
    assert "Роскомнадзор" in text
    assert '<a href="/privacy/">Персональные данные</a>' in client.get("/").content.decode()
    assert "<h1>Personal data on the portal</h1>" in client.get("/en/privacy/").content.decode()
