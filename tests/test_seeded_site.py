"""The seeded site shared by the tests that ask for it (conftest.py: seeded_site): they run after all the others,
and what one of them changes is gone for the next."""

from conftest import uses_the_seed
from monitoring.models import Indicator

CHANGED = "Изменено тестом"


def test_the_tests_on_the_seeded_site_run_after_every_other_test(request):
    order = [uses_the_seed(item) for item in request.session.items]
    first_seeded = order.index(True) if True in order else len(order)
    late = [item.nodeid for item in request.session.items[first_seeded:] if not uses_the_seed(item)]
    assert not late, f"tests expecting an empty database run after the seeded site was loaded: {late}"


def test_a_test_without_the_seed_has_none_of_it(db):
    assert not Indicator.objects.exists()  # the seed has the programme's ten


def test_a_test_on_the_seeded_site_may_change_it(seeded_site, db):
    """Indicators are in no search index, which a rollback would not undo (conftest.py: forget_indexed_pages)."""
    assert Indicator.objects.in_default_locale().update(name=CHANGED) == 10


def test_the_next_test_on_it_finds_it_unchanged(seeded_site, db):
    """Runs after the one above (the order of a file is kept): its change rolled back with its savepoint."""
    assert Indicator.objects.in_default_locale().count() == 10 and not Indicator.objects.filter(name=CHANGED).exists()
