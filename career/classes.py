"""Class sessions for teachers and school psychologists: a short code for the students, and the anonymous
picture of the class behind a secret link (no account: whoever holds the link is the teacher).

The teacher's key never travels in a URL a server sees: the private link is ``…/klass/otkryt/#CODE.KEY``, and
browsers send nothing after «#» — no access log, proxy log, history sync or Referer header gets it. On that
page ``career/class-link.js`` puts the code and the key into the form and posts them; without JavaScript the
teacher types them. The picture and its downloads answer that POST."""

from collections import Counter

from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from atlas.models import ProfessionPage
from portal import limits
from portal.addresses import public_url
from portal.limits import limit
from portal.spreadsheets import table_response

from . import klimov
from .forms import ClassKeyForm
from .models import ClassSession
from .views import problem, url


@limit("career-session", block=False)  # settings.RATE_LIMITS: sessions one address may create
def new_session(request, page):
    if request.method != "POST":
        return TemplateResponse(request, "career/class_new.html", {"page": page})
    if request.limited:
        return problem(
            request,
            page,
            _(
                "Too many class sessions were created from your address in the last hour. Use one of the codes you "
                "already have, or try again in an hour."
            ),
            action_url=url(page, "class_new"),
            action_label=_("Back to class sessions"),
            status=429,
        )
    session = ClassSession.create()
    return HttpResponseRedirect(url(page, "class_open") + fragment(session))


def fragment(session):
    """The secret part of the teacher's link, after «#»: class-link.js reads it as «#CODE.KEY»."""
    return f"#{session.code}.{session.teacher_key}"


def open_session(request, page):
    """GET: the form for the code and the key, which class-link.js fills from the link and sends. POST: the
    class picture, its data with «fmt», or one answer for every code and key that do not open a session."""
    if request.method != "POST":
        context = {"page": page, "form": ClassKeyForm(), "from_link": True}
        return TemplateResponse(request, "career/class_open.html", context)
    # Wrong codes and keys count as the students' wrong codes do (settings.RATE_LIMITS["career-code"]).
    if limits.exceeded(request, "career-code"):
        raise limits.Ratelimited
    form = ClassKeyForm(request.POST)
    session = form.session() if form.is_valid() else None
    if session is None:
        limits.exceeded(request, "career-code", count=True)
        # The same answer and status for a code that never existed, a closed one and a wrong key.
        return TemplateResponse(request, "career/class_open.html", {"page": page, "form": form}, status=404)
    fmt = request.POST.get("fmt")
    return data(request, page, session, fmt) if fmt is not None else picture(request, page, session)


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


def picture(request, page, session):
    context = {
        "page": page,
        "session": session,
        "picture": class_picture(session),
        "student_url": public_url(page, request) + f"?k={session.code}",
        "teacher_url": public_url(url(page, "class_open")) + fragment(session),
        "formats": ["csv", "xlsx"],
    }
    return TemplateResponse(request, "career/class_picture.html", context)


def data(request, page, session, fmt):
    if fmt not in ("csv", "xlsx"):
        return problem(
            request,
            page,
            _("Choose CSV or XLSX."),
            action_url=url(page, "class_open"),
            action_label=_("Back to the class picture"),
            status=404,
        )
    picture = class_picture(session)
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
    return table_response(rows, fmt, f"klass-{session.code}.{fmt}", sheet_title=session.code)
