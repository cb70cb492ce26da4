"""The filters' «any value» choice and the employers' list heading are our own messages under a context, so the
portal's Russian can agree with feminine nouns («Все», not «Любой» beside «отрасль», «востребованность») and say
«Работодатели:» where the audience label says «Работодателям», without retranslating Django's and Wagtail's bare
«Any» and «Employers» (test_catalog forbids that)."""

from unittest import mock

import pytest
from django import forms
from django.utils import translation


@pytest.fixture
def marked_contexts():
    """pgettext shows its context: a bare gettext of the same word stays unmarked."""
    with mock.patch.object(translation._trans, "pgettext", lambda context, text: f"[{context}] {text}", create=True):
        yield


def first_labels(form):
    return {
        name: str(field.choices[0][1]) for name, field in form.fields.items() if isinstance(field, forms.ChoiceField)
    }


def test_every_filter_offers_any_value_under_the_filter_context(marked_contexts):
    from atlas.filters import AtlasFilterForm
    from methodics.filters import ANY
    from monitoring.forms import ReportSearchForm
    from navigator.models import HandbookForm
    from portal.filter_forms import FacetFilterForm

    class Facets(FacetFilterForm):
        facet_titles = {"kind": "Kind"}

    labels = {
        **first_labels(AtlasFilterForm(None, sectors=[], districts=[])),
        **{f"handbook {k}": v for k, v in first_labels(HandbookForm(None, districts=[])).items()},
        **{
            f"report {k}": v
            for k, v in first_labels(
                ReportSearchForm(None, labels={key: {} for key in ("district", "indicator", "direction")})
            ).items()
        },
        "facet": first_labels(Facets(None, labels={"kind": {}}))["kind"],
        "lessons": str(ANY[0][1]),
    }
    labels.pop("disability")  # «Anyone»: a word of its own
    labels.pop("sort")  # no empty choice: sorted by name
    assert set(labels.values()) == {"[filter] Any"}, labels


def test_the_employers_list_heading_has_its_own_context(marked_contexts, db):
    from partners.forms import atlas_choices

    assert str(atlas_choices()[1][0]) == "[list heading] Employers"
