"""The krai's districts as a form's choices, for every form that asks where a school is."""

from django.utils.translation import gettext_lazy as _

from portal import locales

from .models.snippets import MunicipalDistrict


def district_choices():
    """The districts (original rows, named in the visitor's language where translated), by name, after an empty
    «choose» line."""
    originals = list(MunicipalDistrict.objects.filter(locale=locales.default_locale()).only("pk", "name", "locale"))
    shown = locales.localized(originals)
    named = sorted(((item.pk, seen.name) for item, seen in zip(originals, shown, strict=True)), key=lambda c: c[1])
    return [("", _("— choose the district —")), *named]


def chosen_district(pk):
    """The district chosen, or None when it left the atlas since the form was shown."""
    return MunicipalDistrict.objects.filter(pk=pk, locale=locales.default_locale()).first()
