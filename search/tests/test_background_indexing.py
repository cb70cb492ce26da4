"""With the production settings an edit never waits for the search index: the update is queued on the "default"
database queue when the object is saved (visible to the worker only once the save commits) and written by that
queue's worker. The other tests run these small tasks at once (portal.settings.test)."""

import pytest
from django.db import transaction
from django_tasks_db.models import DBTaskResult
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from atlas.factories import AtlasIndexPageFactory, DistrictFactory, ProfessionPageFactory
from conftest import forget_indexed_pages
from home.factories import ContentPageFactory
from portal.tests.helpers import run_worker

INDEX_UPDATE = "modelsearch.tasks.insert_or_update_object_task"
INDEX_REMOVAL = "search.signals.remove_from_index"


@pytest.fixture
def queued_indexing(settings):
    """The TASKS of base.py: index updates go to the "default" database queue."""
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend"},
        "long": {"BACKEND": "django_tasks_db.DatabaseBackend"},
    }


def found(words, model=Page):
    backend = get_search_backend()
    if hasattr(backend, "refresh_indexes"):  # OpenSearch shows a write after a refresh
        backend.refresh_indexes()
    return sorted(page.title for page in backend.search(words, model))


def queued(task_path, pk=None):
    """The queued tasks of ``task_path`` (for the object ``pk``)."""
    tasks = DBTaskResult.objects.filter(task_path=task_path, backend_name="default", status="READY")
    return [t for t in tasks if pk is None or str(pk) in t.args_kwargs["args"]]


def test_an_edit_is_indexed_by_the_worker_not_by_the_save(
    site_tree, queued_indexing, django_capture_on_commit_callbacks
):
    forget_indexed_pages()
    home, _ = site_tree
    with django_capture_on_commit_callbacks(execute=True):
        page = ContentPageFactory(parent=home, title="Лесничий")
        page.title = "Лесничий-инспектор"
        page.save_revision().publish()

    assert queued(INDEX_UPDATE, page.pk)
    assert found("инспектор") == []  # the save itself wrote nothing into the index

    run_worker("default")
    assert found("инспектор") == ["Лесничий-инспектор"]
    assert not queued(INDEX_UPDATE)


def test_a_rolled_back_save_queues_no_index_update(site_tree, queued_indexing):
    home, _ = site_tree
    before = DBTaskResult.objects.count()
    with pytest.raises(RuntimeError), transaction.atomic():
        ContentPageFactory(parent=home, title="Сварщик")
        assert DBTaskResult.objects.count() > before  # queued inside the saving transaction…
        raise RuntimeError("the import's dry run ends here")
    assert DBTaskResult.objects.count() == before  # …and gone with it
    run_worker("default")
    assert found("Сварщик") == []


def test_a_profession_is_indexed_after_commit_with_its_districts(
    client, site_tree, queued_indexing, django_capture_on_commit_callbacks
):
    """The worker reads a faceted object once its transaction committed, with its many-to-many relations."""
    forget_indexed_pages()
    home, _ = site_tree
    atlas = AtlasIndexPageFactory(parent=home)
    district = DistrictFactory(name="Солнечный район")
    with django_capture_on_commit_callbacks(execute=True):
        profession = ProfessionPageFactory(parent=atlas, title="Горнорабочий")
        profession.districts.add(district)
        profession.save_revision().publish()
        saved = len(queued(INDEX_UPDATE, profession.pk))
        assert saved  # queued in the saving transaction: the worker reads it only once that commits…
    assert len(queued(INDEX_UPDATE, profession.pk)) == saved  # …so nothing is queued again after the commit

    run_worker("default")
    found("Горнорабочий")  # refreshed
    response = client.get("/search/", {"q": "Горнорабочий"})
    assert [r.title for r in response.context["results"]] == ["Горнорабочий"]
    districts = {f["name"]: f for f in response.context["facets"]}["district"]["items"]
    assert [(item["label"], item["count"]) for item in districts] == [("Солнечный район", 1)]


def test_a_deleted_page_leaves_the_index_through_the_worker(
    site_tree, queued_indexing, django_capture_on_commit_callbacks
):
    forget_indexed_pages()
    home, _ = site_tree
    with django_capture_on_commit_callbacks(execute=True):
        page = ContentPageFactory(parent=home, title="Лесничий")
    run_worker("default")
    assert found("Лесничий") == ["Лесничий"]

    with django_capture_on_commit_callbacks(execute=True):
        page.delete()
    assert queued(INDEX_REMOVAL, page.pk)
    run_worker("default")
    assert found("Лесничий") == []


def test_bulk_writes_queue_no_index_updates_and_update_index_writes_them_after(
    site_tree, queued_indexing, django_capture_on_commit_callbacks
):
    """The seed's way (portal.bulk_indexing): nothing queued by its saves, faceted objects included; one
    update_index afterwards. Saves after the block are queued again."""
    from django.core.management import call_command

    from portal.bulk_indexing import index_updates_deferred

    forget_indexed_pages()
    home, _ = site_tree
    with django_capture_on_commit_callbacks(execute=True), index_updates_deferred():
        atlas = AtlasIndexPageFactory(parent=home)
        ProfessionPageFactory(parent=atlas, title="Лесоруб")
        ContentPageFactory(parent=home, title="Лесничий")
    assert queued(INDEX_UPDATE) == []  # Wagtail's reference index still follows each save
    assert found("лесничий") == []
    call_command("update_index", verbosity=0)
    assert found("лесничий") == ["Лесничий"] and found("лесоруб") == ["Лесоруб"]

    with django_capture_on_commit_callbacks(execute=True):
        page = ContentPageFactory(parent=home, title="Егерь")
    assert queued(INDEX_UPDATE, page.pk)
