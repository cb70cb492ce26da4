"""The editors' guide: in the admin's Help menu for an editor (not only a superuser), every section renders with its
headings, every picture has its alternative text and exists, and only people who may use the admin read it."""

import re
from html import escape

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.staticfiles import finders
from django.urls import reverse

from home.guide import SECTIONS
from home.roles import EDITORS, ensure_editorial_roles

HEADINGS = {
    "cards": ["Как писать", "«Коротко и просто» — текст для лёгкого чтения", "Картинки и их описание"],
    "yearly-update": ["1. Шаблон", "2. Проверка без записи", "3. Запись и модерация", "4. Публикация", "5. Буклет"],
    "moderation": ["Как отправить страницу на модерацию", "Как проверяет модератор", "Переводы"],
    "dashboard": ["Пункты панели и что с ними делать"],
    "settings": ["Настройки портала: контакты и соцсети", "Блоки аудиторий на главной странице"],
}


@pytest.fixture
def editor(site_tree):
    ensure_editorial_roles()
    user = get_user_model().objects.create_user("redaktor", password="pw-Редактор-2026")
    user.groups.add(Group.objects.get(name=EDITORS))
    return user


def test_an_editor_finds_the_guide_in_the_help_menu(client, editor):
    client.force_login(editor)
    menu = client.get(reverse("wagtailadmin_home")).content.decode()
    assert f'"{reverse("portal_guide")}"' in menu  # the Help menu's item (the sidebar's data)
    assert f'"{reverse("portal_patterns")}"' in menu  # next to the design patterns


def test_every_section_renders_with_its_headings_and_described_pictures(client, editor):
    client.force_login(editor)
    contents = client.get(reverse("portal_guide")).content.decode()
    pictures = 0
    for section in SECTIONS:
        url = reverse("portal_guide_section", args=[section.slug])
        assert url in contents
        response = client.get(url)
        assert response.status_code == 200
        html = response.content.decode()
        assert "<h1" in html and escape(str(section.title)) in html
        headings = re.findall(r"<(?:h2|caption)>(.*?)</(?:h2|caption)>", html)
        assert set(HEADINGS[section.slug]) <= set(headings), headings
        for tag in re.findall(r"<img [^>]*>", html):
            if "/static/home/guide/" not in tag:
                continue
            pictures += 1
            assert re.search(r'alt="[^"]{20,}"', tag), tag  # a real description, not a file name
            path = re.search(r'src="/static/([^"]+)"', tag).group(1)
            assert finders.find(path), f"{path}: run bin/guide_screenshots.py"
    assert pictures >= 5


def test_only_admin_users_read_the_guide_and_an_unknown_section_is_not_found(client, editor, django_user_model):
    assert client.get(reverse("portal_guide")).status_code == 302  # to the sign-in page
    visitor = django_user_model.objects.create_user("posetitel", password="pw-Посетитель-2026")
    client.force_login(visitor)
    assert client.get(reverse("portal_guide")).status_code in (302, 403)
    client.force_login(editor)
    assert client.get("/admin/guide/net-takogo/").status_code == 404
