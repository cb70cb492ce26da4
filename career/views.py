"""The student's path: start → questionnaire → about oneself → results → comparison → route (and its PDF).

Nothing is kept between the steps on the server: the questionnaire carries its answers in the address, the
later steps in a signed token (``state.Diagnosis``). Two things are counted, anonymously and once per
diagnosis: a completed diagnostic and a built route (``record``)."""

from urllib.parse import urlencode

from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from atlas.models import MunicipalDistrict, ProfessionPage, SchoolSubject
from portal import limits
from portal.addresses import public_url
from portal.pages import paginate
from portal.querytext import whole_number

from . import klimov, record
from .chart import profile_chart
from .forms import AboutForm, DisabilityForm, QuestionsForm, StartForm
from .models.sessions import normalise_code
from .ranking import atlas_locale, rank
from .route import route_plan
from .state import MAX_COMPARED, Diagnosis, InvalidToken

PER_PAGE = 20


def url(page, name, *args, **query):
    address = page.url + page.reverse_subpage(name, args=args)
    query = {key: value for key, value in query.items() if value not in ("", None)}
    return f"{address}?{urlencode(query)}" if query else address


def problem(request, page, message, *, action_url=None, action_label=None, status=400):
    """What went wrong in words and the way forward, with a 4xx status: never a bare error page."""
    context = {
        "page": page,
        "message": message,
        "action_url": action_url or page.url,
        "action_label": action_label or _("Start the questionnaire again"),
    }
    return TemplateResponse(request, "career/problem.html", context, status=status)


def broken_link(request, page):
    return problem(
        request,
        page,
        _(
            "This link to a result is damaged: it was changed or cut short when it was copied, so the portal "
            "cannot rebuild the result. Ask for the whole link again, or take the questionnaire anew — it takes "
            "about fifteen minutes."
        ),
    )


def start_context(request, page):
    return {"start_form": StartForm(initial={"code": normalise_code(request.GET.get("k", ""))})}


def state_query(start, answers):
    return {
        "version": start["version"],
        "layout": start["layout"],
        "code": start["code"],
        "answers": klimov.format_answers(answers),
    }


def checked_start_form(request, data):
    """The start form bound to ``data``. A class code that opens no session counts against the client's address,
    and an address with too many of them gets the 429 page before its next code is looked up: nobody finds the
    open codes by trying them (settings.RATE_LIMITS["career-code"])."""
    if data.get("code") and limits.exceeded(request, "career-code"):
        raise limits.Ratelimited
    form = StartForm(data)
    if "code" in form.errors:
        limits.exceeded(request, "career-code", count=True)
    return form


def questionnaire(request, page):
    start_form = checked_start_form(request, request.GET)
    if not start_form.is_valid():
        context = {**page.get_context(request), "start_form": start_form}
        return TemplateResponse(request, page.get_template(request), context)
    start = start_form.cleaned_data
    try:
        answers = klimov.parse_answers(request.GET.get("answers"))
    except klimov.AnswersError:
        return problem(
            request, page, _("The answers in this address are damaged, so the questionnaire cannot go on from here.")
        )
    if start["layout"] == "page":
        return whole_questionnaire(request, page, start, answers)
    return one_question(request, page, start, answers)


def first_unanswered(answers, after=0):
    order = list(range(after, len(answers))) + list(range(after))
    return next((i + 1 for i in order if answers[i] is None), None)


def one_question(request, page, start, answers):
    number = whole_number(request.GET.get("n"), 1, klimov.COUNT)
    if number is None:
        number = first_unanswered(answers) or klimov.COUNT
    question = klimov.QUESTIONS[number - 1]
    if "go" in request.GET:
        form = QuestionsForm(request.GET, questions=[question], version=start["version"])
        if form.is_valid():
            answers[number - 1] = form.answers()[number]
            following = first_unanswered(answers, after=number)
            if following is None:
                return HttpResponseRedirect(url(page, "about", **state_query(start, answers)))
            return HttpResponseRedirect(url(page, "questionnaire", n=following, **state_query(start, answers)))
    else:
        form = QuestionsForm(
            initial={f"q{number}": answers[number - 1]}, questions=[question], version=start["version"]
        )
    back = url(page, "questionnaire", n=number - 1, **state_query(start, answers)) if number > 1 else None
    context = {
        "page": page,
        "form": form,
        "start": start,
        "number": number,
        "count": klimov.COUNT,
        "answered": klimov.COUNT - answers.count(None),
        "answers": klimov.format_answers(answers),
        "back_url": back,
    }
    return TemplateResponse(request, "career/question.html", context)


def whole_questionnaire(request, page, start, answers):
    if "go" in request.GET:
        form = QuestionsForm(request.GET, questions=klimov.QUESTIONS, version=start["version"])
        if form.is_valid():
            answers = [form.answers()[q.number] for q in klimov.QUESTIONS]
            return HttpResponseRedirect(url(page, "about", **state_query(start, answers)))
    else:
        initial = {f"q{q.number}": answers[q.number - 1] for q in klimov.QUESTIONS}
        form = QuestionsForm(initial=initial, questions=klimov.QUESTIONS, version=start["version"])
    context = {"page": page, "form": form, "start": start, "count": klimov.COUNT}
    return TemplateResponse(request, "career/questionnaire.html", context)


@limits.limit("career-step")
def about(request, page):
    data = request.POST if request.method == "POST" else request.GET
    start_form = checked_start_form(request, {"layout": "steps", **{k: data.get(k, "") for k in ("version", "code")}})
    try:
        answers = klimov.parse_answers(data.get("answers"))
    except klimov.AnswersError:
        answers = None
    if answers is not None and set(start_form.errors) == {"code"}:
        # The class session closed while the student was answering: go on without it, nothing is lost.
        without = {"version": data.get("version"), "code": "", "answers": klimov.format_answers(answers)}
        return problem(
            request,
            page,
            start_form.errors["code"][0],
            action_url=url(page, "about", **without),
            action_label=_("Go on without the class code"),
        )
    if answers is None or not start_form.is_valid():
        return problem(
            request, page, _("The answers in this address are damaged, so the questionnaire cannot go on from here.")
        )
    start = {**start_form.cleaned_data, "layout": data.get("layout") if data.get("layout") == "page" else "steps"}
    missing = answers.count(None)
    if missing:
        return problem(
            request,
            page,
            ngettext(
                "One question is still unanswered; the results need an answer to every question.",
                "%(count)s questions are still unanswered; the results need an answer to every question.",
                missing,
            )
            % {"count": missing},
            action_url=url(page, "questionnaire", n=first_unanswered(answers), **state_query(start, answers)),
            action_label=_("Go back to the questions"),
        )
    form = AboutForm(
        request.POST if request.method == "POST" else None,
        subjects=SchoolSubject.objects.order_by("pk"),
        districts=MunicipalDistrict.objects.filter(locale=atlas_locale(page)).order_by("name"),
    )
    if request.method == "POST" and form.is_valid():
        about = form.cleaned_data
        diagnosis = Diagnosis(
            answers=klimov.format_answers(answers),
            grade=about["grade"],
            subjects=tuple(about["subjects"]),
            district=about["district"],
            level=about["level"],
            version=start["version"],
            nonce=record.nonce_from_form(request.POST.get("nonce")),
        )
        record.completed(diagnosis, atlas_locale(page), class_code=start["code"])
        return HttpResponseRedirect(url(page, "results", t=diagnosis.token()))
    context = {
        "page": page,
        "form": form,
        # The same nonce again after a refused POST: it is still the one diagnosis, counted once.
        "hidden": {**state_query(start, answers), "nonce": posted_nonce(request) or record.form_nonce()},
        "questions_url": url(page, "questionnaire", n=klimov.COUNT, **state_query(start, answers)),
    }
    return TemplateResponse(request, "career/about.html", context)


def posted_nonce(request):
    value = request.POST.get("nonce", "")
    return value if record.nonce_from_form(value) else ""


def load(token):
    try:
        return Diagnosis.from_token(token)
    except InvalidToken:
        return None


def results(request, page):
    """The results of the link's diagnosis; sent by POST from its own form, the results for a disability
    category too. The category is only ever in that POST (and in the page it answers, whose pages of
    professions are POST forms as well): the link and the counts never hold it, see ``DisabilityForm``."""
    data = request.POST if request.method == "POST" else request.GET
    token = data.get("t", "")
    diagnosis = load(token)
    if diagnosis is None:
        return broken_link(request, page)
    disability_form = DisabilityForm(request.POST if request.method == "POST" else None)
    disability = disability_form.cleaned_data["disability"] if disability_form.is_valid() else ""
    profile = diagnosis.profile
    ranking = rank(diagnosis, atlas_locale(page), disability)
    context = {
        "page": page,
        "diagnosis": diagnosis,
        "token": token,
        "profile": profile,
        "rows": profile.rows(),
        "leading": [klimov.TYPE_LABELS[t] for t in profile.leading],
        "chart": profile_chart(profile),
        "ranking": ranking,
        "suggestions": paginate(request, ranking.suggestions, per_page=PER_PAGE, params=data),
        "disability_form": disability_form,
        "disability": disability,
        "share_url": public_url(url(page, "results", t=token)),
        "max_compared": MAX_COMPARED,
    }
    return TemplateResponse(request, "career/results.html", context)


def chosen_ids(values):
    try:
        ids = list(dict.fromkeys(int(value) for value in values))
    except ValueError:
        return None
    return ids if all(0 < pk < 2**31 for pk in ids) else None


def compare(request, page):
    token = request.GET.get("t", "")
    diagnosis = load(token)
    if diagnosis is None:
        return broken_link(request, page)
    back = url(page, "results", t=token)
    ids = chosen_ids(request.GET.getlist("p")) if "p" in request.GET else list(diagnosis.compared)
    if ids is None:
        return problem(
            request,
            page,
            _("The professions in this address are not understood."),
            action_url=back,
            action_label=_("Back to your results"),
        )
    if not ids:
        return problem(
            request,
            page,
            _("Tick at least one profession to compare (up to %(max)s).") % {"max": MAX_COMPARED},
            action_url=back,
            action_label=_("Back to your results"),
        )
    if len(ids) > MAX_COMPARED:
        return problem(
            request,
            page,
            _(
                "You can compare up to %(max)s professions at a time; you ticked %(count)s. "
                "Untick some and compare again."
            )
            % {"max": MAX_COMPARED, "count": len(ids)},
            action_url=back,
            action_label=_("Back to your results"),
        )
    found = {
        p.pk: p
        for p in ProfessionPage.objects.live()
        .public()
        .filter(locale=atlas_locale(page), pk__in=ids)
        .select_related("sector")
        .prefetch_related("school_subjects", "organisations", "specialties", "districts")
    }
    professions = [found[pk] for pk in ids if pk in found]
    if not professions:
        return problem(
            request,
            page,
            _("These professions are no longer in the atlas."),
            action_url=back,
            action_label=_("Back to your results"),
        )
    diagnosis = diagnosis.but(compared=tuple(p.pk for p in professions))
    context = {
        "page": page,
        "diagnosis": diagnosis,
        "token": diagnosis.token(),
        "professions": professions,
        "results_url": back,
        "share_url": public_url(url(page, "compare", t=diagnosis.token())),
    }
    return TemplateResponse(request, "career/compare.html", context)


@limits.limit("career-step")
def build_route(request, page):
    diagnosis = load(request.POST.get("t", ""))
    if diagnosis is None:
        return broken_link(request, page)
    ids = chosen_ids([request.POST.get("profession", "")])
    profession = (
        ProfessionPage.objects.live().public().filter(locale=atlas_locale(page), pk=ids[0]).first() if ids else None
    )
    if profession is None:
        return problem(
            request,
            page,
            _("Choose a profession from the list to build the route."),
            action_url=url(page, "results", t=diagnosis.token()),
            action_label=_("Back to your results"),
        )
    diagnosis = record.route_built(diagnosis, profession, atlas_locale(page))
    return HttpResponseRedirect(url(page, "route", t=diagnosis.token()))


def route_context(request, page):
    token = request.GET.get("t", "")
    diagnosis = load(token)
    if diagnosis is None:
        return None, broken_link(request, page)
    profession = None
    if diagnosis.chosen:
        profession = (
            ProfessionPage.objects.live().public().filter(locale=atlas_locale(page), pk=diagnosis.chosen).first()
        )
    if profession is None:
        return None, problem(
            request,
            page,
            _("The profession of this route is no longer in the atlas. Choose another one from your results."),
            action_url=url(page, "results", t=token),
            action_label=_("Back to your results"),
        )
    context = {
        "page": page,
        "diagnosis": diagnosis,
        "token": token,
        "profession": profession,
        "plan": route_plan(diagnosis, profession),
        "rows": diagnosis.profile.rows(),
        "results_url": url(page, "results", t=token),
        "pdf_url": url(page, "route_pdf", t=token),
        "share_url": public_url(url(page, "route", t=token)),
    }
    return context, None


def route(request, page):
    context, failure = route_context(request, page)
    return failure or TemplateResponse(request, "career/route.html", context)


def route_pdf(request, page):
    from portal.pdf import qr_svg, render_pdf

    context, failure = route_context(request, page)
    if failure:
        return failure
    context["qr_code"] = qr_svg(context["share_url"])  # back to the route on a phone from the printed page
    title = _("My route: %(profession)s") % {"profession": context["profession"].title}
    return render_pdf(
        request, "career/route_pdf.html", context, title=title, filename=f"marshrut-{context['profession'].slug}.pdf"
    )
