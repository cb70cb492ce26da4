"""The «Конструктор карьеры» page: its own text is edited in Wagtail; the questionnaire, the results, the
comparison, the route and the class sessions are its routes.

The student's path: start → questionnaire → about oneself → results → comparison → route (and its PDF).
Nothing is kept between the steps on the server: the questionnaire carries its answers in the address, the
later steps in a signed token (``state.Diagnosis``). Two things are counted, anonymously and once per
diagnosis: a completed diagnostic and a built route (``record``).

The routes live in mixins beside this module: ``ResultRoutes`` (results, comparison, route and its PDF) and
``ClassSessionRoutes`` (the class sessions); ``routing`` has what they share."""

from urllib.parse import urlencode

from django.http import HttpResponseRedirect
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField

from atlas.models import MunicipalDistrict, SchoolSubject
from portal import limits, locales
from portal.pages import PortalPage
from portal.querytext import whole_number

from .. import klimov, record
from ..forms import AboutForm, QuestionsForm, StartForm
from ..ranking import atlas_locale
from ..state import Diagnosis
from .class_routes import ClassSessionRoutes
from .result_routes import ResultRoutes
from .routing import first_unanswered, limited, personal, posted_nonce, state_query
from .sessions import normalise_code


class CareerBuilderPage(ResultRoutes, ClassSessionRoutes, RoutablePageMixin, PortalPage):
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
