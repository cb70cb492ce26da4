"""Every page type's edit form shows the summaries PortalPage owns once each, side by side, summary first.

The page types are found through Wagtail's registry, so a new page type is checked without being listed here."""

import pytest
from wagtail.models import get_page_models

from portal.pages import PortalPage

PORTAL_PAGE_TYPES = [model for model in get_page_models() if issubclass(model, PortalPage)]


def form_fields(model):
    """The fields the page type's panels put into its edit form, in order, repeats included."""
    return list(model.get_edit_handler().get_form_options()["fields"])


def test_every_portal_page_type_is_checked():
    labels = {model._meta.label for model in PORTAL_PAGE_TYPES}
    assert {
        "home.HomePage",
        "atlas.ProfessionPage",
        "navigator.NavigatorIndexPage",
        "career.CareerBuilderPage",
    } <= labels


@pytest.mark.parametrize("model", PORTAL_PAGE_TYPES, ids=lambda model: model._meta.label)
def test_the_edit_form_shows_each_summary_once(model):
    fields = form_fields(model)
    assert fields.count("summary") == 1
    assert fields.count("easy_read_summary") == 1
    assert fields.index("easy_read_summary") == fields.index("summary") + 1
