"""The menu of facets beside a faceted list — the site search, the report search, the opportunities' list — built
one way and shown by one template (``search/includes/facet_menu.html``): per facet its values with their counts
over the current results, each a link that chooses it or, for the chosen one, drops it."""

from dataclasses import dataclass

from atlas.models import MunicipalDistrict, ProfessionPage, Sector
from portal import locales
from portal.disabilities import DISABILITY_CATEGORIES


@dataclass(frozen=True)
class Label:
    """A facet value's label in the visitor's language, and the object it names as shown, if any (the template marks
    a fallback to the default language with ``content_lang``)."""

    text: str
    shown: object = None

    def __str__(self):
        return self.text


def by_slug(originals, field):
    """{slug of each original: its ``Label`` in the visitor's language (``field`` of its translation, or of the original
    where there is none)}, sorted by that label — the labels of a facet over reference rows or pages."""
    shown = locales.localized(originals)
    pairs = [(item.slug, Label(getattr(seen, field), seen)) for item, seen in zip(originals, shown, strict=True)]
    return dict(sorted(pairs, key=lambda pair: pair[1].text))


def reference_labels():
    """The labels of the facets the lists of opportunities and vacancies share: districts, atlas cards and sectors by
    slug, and the disability categories, in the visitor's language (one query each, and one for translations)."""
    default = locales.default_language()
    professions = ProfessionPage.objects.live().filter(locale__language_code=default)
    return {
        "district": by_slug(list(MunicipalDistrict.objects.filter(locale__language_code=default)), "name"),
        "profession": by_slug(list(professions.only("title", "slug", "translation_key", "locale_id")), "title"),
        "sector": by_slug(list(Sector.objects.filter(locale__language_code=default)), "name"),
        "access": {value: Label(str(label)) for value, label in DISABILITY_CATEGORIES},
    }


def menu(params, facets, *, titles, labels, counts, chosen):
    """[{name, title, items: [{value, label, count, chosen, url}]}] for each facet with anything to show.

    ``params`` is the request's query (``request.GET``): each link keeps it, sets or drops one facet and starts again
    from the first page. Values come in the order of their labels; a facet without labels (the year) lists its
    values newest first. Values no result has are left out, except the chosen one, shown with 0 so it can be
    dropped. ``chosen`` holds only the valid choices (the form reports the others)."""
    groups = []
    for name in facets:
        found, names = counts.get(name, {}), labels.get(name)
        values = [value for value in names if value in found] if names else sorted(found, reverse=True)
        picked = str(chosen.get(name) or "")
        if picked and picked not in values:
            values.append(picked)
        items = [
            {
                "value": value,
                "label": names.get(value, value) if names else value,
                "count": found.get(value, 0),
                "chosen": value == picked,
                "url": link(params, name, None if value == picked else value),
            }
            for value in values
        ]
        if items:
            groups.append({"name": name, "title": titles[name], "items": items})
    return groups


def link(params, facet, value):
    """The current list with ``facet`` set to ``value`` (or dropped for None), from its first page."""
    params = params.copy()
    params.pop("page", None)
    if value is None:
        params.pop(facet, None)
    else:
        params[facet] = value
    return "?" + params.urlencode()
