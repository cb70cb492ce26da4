"""The dashboard's fixtures: an editor (superuser) signed in, and the atlas and organisations of the opportunities'
fixtures (nothing from the seed)."""

from opportunities.tests.conftest import atlas_cards, editor, make_organisation  # noqa: F401 (fixtures)
