"""The «Конструктор карьеры» page: its own text is edited in Wagtail; the questionnaire, the results, the
comparison, the route and the class sessions are its routes.

The student's path: start → questionnaire → about oneself → results → comparison → route (and its PDF).
Nothing is kept between the steps on the server: the questionnaire carries its answers in the address, the
later steps in a signed token (``state.Diagnosis``). Two things are counted, anonymously and once per
diagnosis: a completed diagnostic and a built route (``record``).

Class sessions are for teachers and school psychologists: a short code for the students, and the anonymous
picture of the class behind a secret link (no account: whoever holds the link is the teacher). The teacher's key
never travels in a URL a server sees: the private link is ``…/klass/otkryt/#CODE.KEY``, and browsers send nothing
after «#» — no access log, proxy log, history sync or Referer header gets it. On that page
``career/class-link.js`` puts the code and the key into the form and posts them; without JavaScript the teacher
types them. The picture and its downloads answer that POST."""

from urllib.parse import urlencode

from django.http import HttpResponseRedirect
from django.utils.decorators import method_decorator
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import cache_control
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField

from atlas.models import MunicipalDistrict, ProfessionPage, SchoolSubject
from portal import limits, locales
from portal.addresses import public_url
from portal.pages import PortalPage, paginate
from portal.pdf import qr_svg, render_pdf
from portal.querytext import whole_number
from portal.spreadsheets import table_response

from .. import klimov, record
from ..chart import profile_chart
from ..classes import class_picture, class_rows, fragment
from ..forms import AboutForm, ClassKeyForm, DisabilityForm, QuestionsForm, StartForm
from ..ranking import atlas_locale, rank
from ..route import route_plan
from ..state import MAX_COMPARED, Diagnosis, InvalidToken
from .sessions import ClassSession, normalise_code

# A student's answers, results and route, a class's code: never kept by the page cache, a proxy or the browser's
# cache for anyone else (nor on a shared school computer's disk).
personal = method_decorator(cache_control(private=True, no_store=True))


def limited(group, **options):
    """``portal.limits.limit`` for a route method (its first argument is the page, not the request)."""
    return method_decorator(limits.limit(group, **options))


def state_query(start, answers):
    return {
        "version": start["version"],
        "layout": start["layout"],
        "code": start["code"],
        "answers": klimov.format_answers(answers),
    }


def first_unanswered(answers, after=0):
    order = list(range(after, len(answers))) + list(range(after))
    return next((i + 1 for i in order if answers[i] is None), None)


def posted_nonce(request):
    value = request.POST.get("nonce", "")
    return value if record.nonce_from_form(value) else ""


def load(token):
    try:
        return Diagnosis.from_token(token)
    except InvalidToken:
        return None


def chosen_ids(values):
    try:
        ids = list(dict.fromkeys(int(value) for value in values))
    except ValueError:
        return None
    return ids if all(0 < pk < 2**31 for pk in ids) else None


class CareerBuilderPage(RoutablePageMixin, PortalPage):
    introduction = RichTextField(_("introduction"), blank=True, editor="basic")
    for_teachers = RichTextField(
        _("for teachers"),
        blank=True,
        editor="basic",
        help_text=_("Shown on the class session page: how to run the questionnaire with a class."),
    )

    http_method_names = ("get", "head", "post")  # the questionnaire, the route and the class sessions are forms
    parent_page_types = ["home.HomePage", "home.SectionPage"]
    subpage_types = []
    max_count_per_parent = 1
    content_panels = [
        *PortalPage.content_panels,
        FieldPanel("introduction"),
        FieldPanel("for_teachers"),
    ]

    results_per_page = 20  # suggested professions per page of results

    class Meta:
        verbose_name = _("career builder")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["start_form"] = StartForm(initial={"code": normalise_code(request.GET.get("k", ""))})
        return context

    def step_url(self, name, *args, **query):
        address = self.url + self.reverse_subpage(name, args=args)
        query = {key: value for key, value in query.items() if value not in ("", None)}
        return f"{address}?{urlencode(query)}" if query else address

    def problem(self, request, message, *, action_url=None, action_label=None, status=400):
        """What went wrong in words and the way forward, with a 4xx status: never a bare error page."""
        context = {
            "message": message,
            "action_url": action_url or self.url,
            "action_label": action_label or gettext("Start the questionnaire again"),
        }
        response = self.render(request, template="career/problem.html", context_overrides=context)
        response.status_code = status
        return response

    def broken_link(self, request):
        return self.problem(
            request,
            gettext(
                "This link to a result is damaged: it was changed or cut short when it was copied, so the portal "
                "cannot rebuild the result. Ask for the whole link again, or take the questionnaire anew — it "
                "takes about fifteen minutes."
            ),
        )

    def checked_start_form(self, request, data):
        """The start form bound to ``data``. A class code that opens no session counts against the client's
        address, and an address with too many of them gets the 429 page before its next code is looked up: nobody
        finds the open codes by trying them (settings.RATE_LIMITS["career-code"])."""
        if data.get("code") and limits.exceeded(request, "career-code"):
            raise limits.Ratelimited
        form = StartForm(data)
        if "code" in form.errors:
            limits.exceeded(request, "career-code", count=True)
        return form

    def damaged_answers(self, request):
        return self.problem(
            request, gettext("The answers in this address are damaged, so the questionnaire cannot go on from here.")
        )

    @path("oprosnik/", name="questionnaire")
    def questionnaire(self, request):
        start_form = self.checked_start_form(request, request.GET)
        if not start_form.is_valid():
            return self.render(request, context_overrides={"start_form": start_form})
        start = start_form.cleaned_data
        try:
            answers = klimov.parse_answers(request.GET.get("answers"))
        except klimov.AnswersError:
            return self.damaged_answers(request)
        if start["layout"] == "page":
            return self.whole_questionnaire(request, start, answers)
        return self.one_question(request, start, answers)

    def one_question(self, request, start, answers):
        number = whole_number(request.GET.get("n"), 1, klimov.COUNT)
        if number is None:
            number = first_unanswered(answers) or klimov.COUNT
        question = klimov.questions()[number - 1]
        if "go" in request.GET:
            form = QuestionsForm(request.GET, questions=[question], version=start["version"])
            if form.is_valid():
                answers[number - 1] = form.answers()[number]
                following = first_unanswered(answers, after=number)
                if following is None:
                    return HttpResponseRedirect(self.step_url("about", **state_query(start, answers)))
                return HttpResponseRedirect(self.step_url("questionnaire", n=following, **state_query(start, answers)))
        else:
            form = QuestionsForm(
                initial={f"q{number}": answers[number - 1]}, questions=[question], version=start["version"]
            )
        back = self.step_url("questionnaire", n=number - 1, **state_query(start, answers)) if number > 1 else None
        context = {
            "form": form,
            "start": start,
            "number": number,
            "count": klimov.COUNT,
            "answered": klimov.COUNT - answers.count(None),
            "answers": klimov.format_answers(answers),
            "back_url": back,
        }
        return self.render(request, template="career/question.html", context_overrides=context)

    def whole_questionnaire(self, request, start, answers):
        questions = klimov.questions()
        if "go" in request.GET:
            form = QuestionsForm(request.GET, questions=questions, version=start["version"])
            if form.is_valid():
                answers = [form.answers()[q.number] for q in questions]
                return HttpResponseRedirect(self.step_url("about", **state_query(start, answers)))
        else:
            initial = {f"q{q.number}": answers[q.number - 1] for q in questions}
            form = QuestionsForm(initial=initial, questions=questions, version=start["version"])
        context = {"form": form, "start": start, "count": klimov.COUNT}
        return self.render(request, template="career/questionnaire.html", context_overrides=context)

    @path("o-sebe/", name="about")
    @personal
    @limited("career-step")
    def about(self, request):
        data = request.POST if request.method == "POST" else request.GET
        start_form = self.checked_start_form(
            request, {"layout": "steps", **{k: data.get(k, "") for k in ("version", "code")}}
        )
        try:
            answers = klimov.parse_answers(data.get("answers"))
        except klimov.AnswersError:
            answers = None
        if answers is not None and set(start_form.errors) == {"code"}:
            # The class session closed while the student was answering: go on without it, nothing is lost.
            without = {"version": data.get("version"), "code": "", "answers": klimov.format_answers(answers)}
            return self.problem(
                request,
                start_form.errors["code"][0],
                action_url=self.step_url("about", **without),
                action_label=gettext("Go on without the class code"),
            )
        if answers is None or not start_form.is_valid():
            return self.damaged_answers(request)
        start = {**start_form.cleaned_data, "layout": data.get("layout") if data.get("layout") == "page" else "steps"}
        missing = answers.count(None)
        if missing:
            return self.problem(
                request,
                ngettext(
                    "One question is still unanswered; the results need an answer to every question.",
                    "%(count)s questions are still unanswered; the results need an answer to every question.",
                    missing,
                )
                % {"count": missing},
                action_url=self.step_url("questionnaire", n=first_unanswered(answers), **state_query(start, answers)),
                action_label=gettext("Go back to the questions"),
            )
        form = AboutForm(
            request.POST if request.method == "POST" else None,
            subjects=SchoolSubject.objects.filter(locale__language_code=locales.default_language()).order_by("pk"),
            districts=MunicipalDistrict.objects.filter(locale=atlas_locale(self)).order_by("name"),
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
            record.completed(diagnosis, atlas_locale(self), class_code=start["code"])
            return HttpResponseRedirect(self.step_url("results", t=diagnosis.token()))
        context = {
            "form": form,
            # The same nonce again after a refused POST: it is still the one diagnosis, counted once.
            "hidden": {**state_query(start, answers), "nonce": posted_nonce(request) or record.form_nonce()},
            "questions_url": self.step_url("questionnaire", n=klimov.COUNT, **state_query(start, answers)),
        }
        return self.render(request, template="career/about.html", context_overrides=context)

    # The diagnosis travels in the query string: ?t=<signed token> (see career.state).
    @path("rezultat/", name="results")
    @personal
    def results(self, request):
        """The results of the link's diagnosis; sent by POST from its own form, the results for a disability
        category too. The category is only ever in that POST (and in the page it answers, whose pages of
        professions are POST forms as well): the link and the counts never hold it, see ``DisabilityForm``."""
        data = request.POST if request.method == "POST" else request.GET
        token = data.get("t", "")
        diagnosis = load(token)
        if diagnosis is None:
            return self.broken_link(request)
        disability_form = DisabilityForm(request.POST if request.method == "POST" else None)
        disability = disability_form.cleaned_data["disability"] if disability_form.is_valid() else ""
        profile = diagnosis.profile
        ranking = rank(diagnosis, atlas_locale(self), disability)
        context = {
            "diagnosis": diagnosis,
            "token": token,
            "profile": profile,
            "rows": profile.rows(),
            "leading": [klimov.TYPE_LABELS[t] for t in profile.leading],
            "chart": profile_chart(profile),
            "ranking": ranking,
            "suggestions": paginate(request, ranking.suggestions, per_page=self.results_per_page, params=data),
            "disability_form": disability_form,
            "disability": disability,
            "share_url": public_url(self.step_url("results", t=token)),
            "max_compared": MAX_COMPARED,
        }
        return self.render(request, template="career/results.html", context_overrides=context)

    @path("sravnenie/", name="compare")
    @personal
    def compare(self, request):
        token = request.GET.get("t", "")
        diagnosis = load(token)
        if diagnosis is None:
            return self.broken_link(request)
        back = {"action_url": self.step_url("results", t=token), "action_label": gettext("Back to your results")}
        ids = chosen_ids(request.GET.getlist("p")) if "p" in request.GET else list(diagnosis.compared)
        if ids is None:
            return self.problem(request, gettext("The professions in this address are not understood."), **back)
        if not ids:
            message = gettext("Tick at least one profession to compare (up to %(max)s).") % {"max": MAX_COMPARED}
            return self.problem(request, message, **back)
        if len(ids) > MAX_COMPARED:
            message = gettext(
                "You can compare up to %(max)s professions at a time; you ticked %(count)s. "
                "Untick some and compare again."
            ) % {"max": MAX_COMPARED, "count": len(ids)}
            return self.problem(request, message, **back)
        found = {
            p.pk: p
            for p in ProfessionPage.objects.live()
            .public()
            .filter(locale=atlas_locale(self), pk__in=ids)
            .select_related("sector")
            .prefetch_related("school_subjects", "organisations", "specialties", "districts")
        }
        professions = [found[pk] for pk in ids if pk in found]
        if not professions:
            return self.problem(request, gettext("These professions are no longer in the atlas."), **back)
        diagnosis = diagnosis.but(compared=tuple(p.pk for p in professions))
        # The subjects of all the professions in the visitor's language, with one query.
        linked = {p.pk: list(p.school_subjects.all()) for p in professions}
        shown = {s.translation_key: s for s in locales.localized(s for rows in linked.values() for s in rows)}
        context = {
            "diagnosis": diagnosis,
            "subjects_of": {pk: [shown[s.translation_key] for s in rows] for pk, rows in linked.items()},
            "token": diagnosis.token(),
            "professions": professions,
            "results_url": back["action_url"],
            "share_url": public_url(self.step_url("compare", t=diagnosis.token())),
        }
        return self.render(request, template="career/compare.html", context_overrides=context)

    @path("marshrut/", name="route")
    @personal
    def route_view(self, request):  # not «route»: that is Page's own URL routing method
        if request.method == "POST":
            return self.build_route(request)
        context, failure = self.route_context(request)
        return failure or self.render(request, template="career/route.html", context_overrides=context)

    @limited("career-step")
    def build_route(self, request):
        diagnosis = load(request.POST.get("t", ""))
        if diagnosis is None:
            return self.broken_link(request)
        ids = chosen_ids([request.POST.get("profession", "")])
        locale = atlas_locale(self)
        profession = ProfessionPage.objects.live().public().filter(locale=locale, pk=ids[0]).first() if ids else None
        if profession is None:
            return self.problem(
                request,
                gettext("Choose a profession from the list to build the route."),
                action_url=self.step_url("results", t=diagnosis.token()),
                action_label=gettext("Back to your results"),
            )
        diagnosis = record.route_built(diagnosis, profession, locale)
        return HttpResponseRedirect(self.step_url("route", t=diagnosis.token()))

    def route_context(self, request):
        """(the route's context, None), or (None, the page that says why there is no route)."""
        token = request.GET.get("t", "")
        diagnosis = load(token)
        if diagnosis is None:
            return None, self.broken_link(request)
        profession = None
        if diagnosis.chosen:
            profession = (
                ProfessionPage.objects.live().public().filter(locale=atlas_locale(self), pk=diagnosis.chosen).first()
            )
        if profession is None:
            return None, self.problem(
                request,
                gettext(
                    "The profession of this route is no longer in the atlas. Choose another one from your results."
                ),
                action_url=self.step_url("results", t=token),
                action_label=gettext("Back to your results"),
            )
        context = {
            "page": self,
            "diagnosis": diagnosis,
            "token": token,
            "profession": profession,
            "plan": route_plan(diagnosis, profession),
            "rows": diagnosis.profile.rows(),
            "results_url": self.step_url("results", t=token),
            "pdf_url": self.step_url("route_pdf", t=token),
            "share_url": public_url(self.step_url("route", t=token)),
        }
        return context, None

    @path("marshrut/pdf/", name="route_pdf")
    def route_pdf(self, request):
        context, failure = self.route_context(request)
        if failure:
            return failure
        context["qr_code"] = qr_svg(context["share_url"])  # back to the route on a phone from the printed page
        title = gettext("My route: %(profession)s") % {"profession": context["profession"].title}
        filename = f"marshrut-{context['profession'].slug}.pdf"
        return render_pdf(request, "career/route_pdf.html", context, title=title, filename=filename)

    @path("klass/", name="class_new")
    @limited("career-session", block=False)  # settings.RATE_LIMITS: sessions one address may create
    def class_new(self, request):
        if request.method != "POST":
            return self.render(request, template="career/class_new.html")
        if request.limited:
            return self.problem(
                request,
                gettext(
                    "Too many class sessions were created from your address in the last hour. Use one of the codes "
                    "you already have, or try again in an hour."
                ),
                action_url=self.step_url("class_new"),
                action_label=gettext("Back to class sessions"),
                status=429,
            )
        session = ClassSession.create()
        return HttpResponseRedirect(self.step_url("class_open") + fragment(session))

    # The teacher's key comes in a POST only, never in a URL (see the module's docstring).
    @path("klass/otkryt/", name="class_open")
    @personal
    def class_open(self, request):
        """GET: the form for the code and the key, which class-link.js fills from the link and sends. POST: the
        class picture, its data with «fmt», or one answer for every code and key that do not open a session."""
        template = "career/class_open.html"
        if request.method != "POST":
            return self.render(
                request, template=template, context_overrides={"form": ClassKeyForm(), "from_link": True}
            )
        # Wrong codes and keys count as the students' wrong codes do (settings.RATE_LIMITS["career-code"]).
        if limits.exceeded(request, "career-code"):
            raise limits.Ratelimited
        form = ClassKeyForm(request.POST)
        session = form.session() if form.is_valid() else None
        if session is None:
            limits.exceeded(request, "career-code", count=True)
            # The same answer and status for a code that never existed, a closed one and a wrong key.
            response = self.render(request, template=template, context_overrides={"form": form})
            response.status_code = 404
            return response
        fmt = request.POST.get("fmt")
        if fmt is None:
            context = {
                "session": session,
                "picture": class_picture(session),
                "student_url": public_url(self, request) + f"?k={session.code}",
                "teacher_url": public_url(self.step_url("class_open")) + fragment(session),
                "formats": ["csv", "xlsx"],
            }
            return self.render(request, template="career/class_picture.html", context_overrides=context)
        if fmt not in ("csv", "xlsx"):
            return self.problem(
                request,
                gettext("Choose CSV or XLSX."),
                action_url=self.step_url("class_open"),
                action_label=gettext("Back to the class picture"),
                status=404,
            )
        rows = class_rows(class_picture(session))
        return table_response(rows, fmt, f"klass-{session.code}.{fmt}", sheet_title=session.code)
