"""The contacts and feedback pages on a bare site tree (feedback.seed run alone, not the whole demo site), and an
editor to receive the letters."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import caches

from feedback.models import ContactsPage, FeedbackFormPage
from feedback.seed import Seeder
from home.roles import EDITORS


@pytest.fixture
def feedback_pages(site_tree):
    """{"contacts": ru page, "form": ru page, "contacts_en": …, "form_en": …}, the settings linking them."""
    Seeder().run()
    caches["default"].clear()  # the look-ups of the settings: a commit would have moved the content version
    pages = {}
    for key, model in (("contacts", ContactsPage), ("form", FeedbackFormPage)):
        pages[key] = model.objects.get(locale__language_code="ru")
        pages[f"{key}_en"] = model.objects.get(locale__language_code="en")
    return pages


@pytest.fixture
def editor(db):
    user = get_user_model().objects.create_user("editor", "editor@portal.example.ru", "Editor-Pass-2026")
    user.groups.add(Group.objects.get_or_create(name=EDITORS)[0])
    return user
