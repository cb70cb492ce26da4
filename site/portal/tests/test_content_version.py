"""The content version moves on every committed change a visitor could see, and only then."""

import pytest
from django.core.cache import caches
from django.db import transaction
from wagtail.models import Locale, Page

from portal import content_version
from portal.models import Audience, DocumentDownload, PortalSettings

pytestmark = pytest.mark.django_db


@pytest.fixture
def version_after(django_capture_on_commit_callbacks):
    """Run a change as if it committed; give the version before and after it."""

    def run(change):
        before = content_version.current()
        with django_capture_on_commit_callbacks(execute=True):
            change()
        return before, content_version.current()

    return run


def add_audience():
    return Audience.objects.create(locale=Locale.get_default(), name="Волонтёры", slug="volunteers")


@pytest.fixture
def child(site_tree):
    home, _ = site_tree
    page = home.add_child(instance=Page(title="Экскурсии", slug="ekskursii"))
    page.save_revision().publish()
    return page


def test_starts_at_one_and_survives_an_emptied_cache():
    assert content_version.current() == 1
    content_version.bump()
    assert content_version.current() == 2
    caches["shared"].clear()
    content_version.bump()  # nothing to increment: it must still move away from the start
    assert content_version.current() != 1


def test_publishing_unpublishing_moving_and_deleting_a_page_move_it(site_tree, child, version_after):
    home, _ = site_tree
    before, after = version_after(lambda: child.save_revision().publish())
    assert after > before
    before, after = version_after(child.unpublish)
    assert after > before
    target = home.add_child(instance=Page(title="Раздел", slug="razdel"))
    before, after = version_after(lambda: child.move(target, pos="last-child"))
    assert after > before
    before, after = version_after(lambda: Page.objects.get(pk=child.pk).delete())
    assert after > before


def test_saving_a_draft_does_not_move_it(child, version_after):
    child.title = "Экскурсии на предприятия"
    before, after = version_after(child.save_revision)
    assert after == before


def test_snippets_settings_and_sites_move_it(site_tree, version_after):
    home, _ = site_tree
    before, after = version_after(lambda: add_audience())
    assert after > before
    before, after = version_after(lambda: PortalSettings.for_site(home.get_site()).save())
    assert after > before
    before, after = version_after(lambda: home.get_site().save())
    assert after > before


def test_a_download_count_does_not_move_it(version_after):
    assert DocumentDownload._meta.label not in {model._meta.label for model in content_version._tracked}
    before, after = version_after(lambda: content_version._saved_or_deleted(DocumentDownload))
    assert after == before


def test_a_rolled_back_change_moves_nothing(django_capture_on_commit_callbacks):
    before = content_version.current()
    with django_capture_on_commit_callbacks(execute=True) as callbacks, transaction.atomic():
        add_audience()
        transaction.set_rollback(True)
    assert callbacks == []
    assert content_version.current() == before
