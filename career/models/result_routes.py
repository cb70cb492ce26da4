"""The career builder's routes after the questionnaire: the results, the comparison, the route and its PDF."""

from django.http import HttpResponseRedirect
from django.utils.translation import gettext
from wagtail.contrib.routable_page.models import path

from atlas.models import ProfessionPage
from portal import locales
from portal.addresses import public_url
from portal.pages import paginate
from portal.pdf import qr_svg, render_pdf

from .. import klimov, record
from ..chart import profile_chart
from ..forms import DisabilityForm
from ..ranking import atlas_locale, rank
from ..route import route_plan
from ..state import MAX_COMPARED
from ..study import study_length
from .routing import chosen_ids, limited, load, personal


class ResultRoutes:
    """Routes of ``CareerBuilderPage`` (a mixin: it uses the page's ``render``, ``problem`` and ``step_url``)."""

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
            "study_length_of": {p.pk: study_length(p) for p in professions},
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
