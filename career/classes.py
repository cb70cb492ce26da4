"""What a class session shows its teacher: the anonymous picture of the class (counts and averages only) and
the same as a table for the downloads. The routes that answer the teacher are ``CareerBuilderPage``'s."""

from collections import Counter

from django.utils.translation import gettext as _

from atlas.models import ProfessionPage

from . import klimov


def fragment(session):
    """The secret part of the teacher's link, after «#»: class-link.js reads it as «#CODE.KEY»."""
    return f"#{session.code}.{session.teacher_key}"


def class_picture(session):
    """The anonymous picture of a class: counts and averages only."""
    results = list(session.results.all())
    leading = Counter()
    totals = dict.fromkeys(klimov.TYPES, 0)
    suggested, routes = Counter(), Counter()
    for result in results:
        profile = klimov.Profile(result.scores)
        leading.update(profile.leading)
        for code in klimov.TYPES:
            totals[code] += result.scores[code]
        suggested.update(result.suggested)
        if result.route_profession_id:
            routes[result.route_profession_id] += 1
    names = dict(ProfessionPage.objects.filter(pk__in=[*suggested, *routes]).values_list("pk", "title"))
    count = len(results)
    return {
        "count": count,
        "routes": sum(routes.values()),
        "types": [
            {
                "label": klimov.TYPE_LABELS[code],
                "leading": leading[code],
                "average": round(totals[code] / count, 1) if count else None,
            }
            for code in klimov.TYPES
        ],
        "suggested": [(names.get(pk, "—"), n) for pk, n in suggested.most_common(10) if pk in names],
        "chosen": [(names.get(pk, "—"), n) for pk, n in routes.most_common(10) if pk in names],
        "results": results,
        "names": names,
    }


def class_rows(picture):
    """The class picture's results as a table: a header row, then one row per student (no names, no answers)."""
    rows = [
        [
            _("No."),
            _("Grade band"),
            *(str(klimov.TYPE_LABELS[t]) for t in klimov.TYPES),
            _("Leading type"),
            _("Suggested first"),
            _("Route built to"),
        ]
    ]
    for number, result in enumerate(picture["results"], start=1):
        profile = klimov.Profile(result.scores)
        rows.append(
            [
                number,
                result.grade_band,
                *(result.scores[t] for t in klimov.TYPES),
                ", ".join(str(klimov.TYPE_LABELS[t]) for t in profile.leading),
                "; ".join(picture["names"].get(pk, "") for pk in result.suggested),
                picture["names"].get(result.route_profession_id, ""),
            ]
        )
    return rows
