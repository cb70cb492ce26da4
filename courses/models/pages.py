"""«Курсы повышения квалификации»: the catalogue of courses, a page for each, and a teacher's own courses."""

from urllib.parse import urlencode

from django.contrib.auth.views import redirect_to_login
from django.http import HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField

from portal import locales
from portal.pages import PortalPage
from teachers.in_use import teacher_of

from .. import enrolling
from ..forms import CourseFilterForm
from .courses import Course, Enrolment, EnrolmentStatus


def with_districts_shown(courses):
    """``courses`` (a list) with ``district_shown``: the district in the visitor's language (one query at most)."""
    originals = {course.district_id: course.district for course in courses if course.district_id}
    shown = dict(zip(originals, locales.localized(originals.values()), strict=True))
    for course in courses:
        course.district_shown = shown.get(course.district_id)
    return courses


class CourseCatalogPage(RoutablePageMixin, PortalPage):
    """The catalogue of professional-development courses for teachers, career navigators and school psychologists,
    filtered by audience and form of study; each course's page, where an approved teacher enrols, and «Мои курсы».
    Courses are edited in the admin («Курсы → Курсы»), not as pages."""

    introduction = RichTextField(_("introduction"), blank=True, editor="basic")

    parent_page_types = ["home.HomePage", "home.SectionPage"]
    subpage_types = []
    max_count_per_parent = 1
    content_panels = [*PortalPage.content_panels, FieldPanel("introduction")]
    http_method_names = ("get", "head", "post")  # enrolling and withdrawing; the other routes refuse POST themselves

    class Meta:
        verbose_name = _("catalogue of professional-development courses")

    def route_url(self, name, *args):
        return self.url + self.reverse_subpage(name, args=args)

    def listing(self, request, past):
        if request.method == "POST":
            return HttpResponseNotAllowed(["GET", "HEAD"])
        form = CourseFilterForm(request.GET or None)
        courses = Course.objects.with_taken().select_related("district")
        courses = form.filter(courses.past() if past else courses.upcoming())
        context = {"form": form, "courses": with_districts_shown(list(courses)), "past": past}
        return self.render(request, context_overrides=context)

    @path("")
    def upcoming(self, request):
        return self.listing(request, past=False)

    @path("proshedshie/", name="past")
    def past(self, request):
        return self.listing(request, past=True)

    @path("<int:pk>/", name="course")
    def course(self, request, pk):
        """A course's facts; POST: a signed-in approved teacher enrols (a refusal is shown on the page, 400)."""
        course = Course.objects.with_taken().select_related("district", "programme").filter(pk=pk).first()
        if course is None:
            response = self.render(request, template="courses/not_found.html")
            response.status_code = 404
            return response
        teacher = teacher_of(request.user)
        refusal, status = None, 200
        if request.method == "POST":
            try:
                enrolling.enrol(course, request.user)
            except enrolling.Refused as refused:
                refusal, status = refused.message, 400 if teacher else 403
            else:
                return redirect(self.route_url("course", course.pk) + "?enrolled=1#enrolment")
        enrolment = Enrolment.objects.filter(course=course, teacher=request.user).first() if teacher else None
        context = {
            "course": with_districts_shown([course])[0],
            "teacher": teacher,
            "enrolment": enrolment,
            "refusal": refusal,
            "enrolled_now": request.GET.get("enrolled") == "1" and enrolment is not None,
            "login_url": f"{reverse('wagtailcore_login')}?{urlencode({'next': request.path})}",
        }
        response = self.render(request, template="courses/course.html", context_overrides=context)
        response.status_code = status
        if request.user.is_authenticated:
            add_never_cache_headers(response)
        return response

    @path("moi-kursy/", name="mine")
    def mine(self, request):
        """A teacher's enrolments with their states, the latest courses first."""
        if request.method == "POST":
            return HttpResponseNotAllowed(["GET", "HEAD"])
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), reverse("wagtailcore_login"))
        teacher = teacher_of(request.user)
        enrolments = []
        if teacher is not None:
            enrolments = list(
                Enrolment.objects.filter(teacher=request.user).select_related("course").order_by("-course__starts_on")
            )
        context = {
            "teacher": teacher,
            "enrolments": enrolments,
            "withdrawn": request.GET.get("withdrawn") == "1",
            "statuses": EnrolmentStatus,
        }
        response = self.render(request, template="courses/my_courses.html", context_overrides=context)
        add_never_cache_headers(response)
        return response

    @path("moi-kursy/<int:pk>/otkaz/", name="withdraw")
    def withdraw(self, request, pk):
        """POST: the teacher gives back their place (anyone else's enrolment is not found)."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if not request.user.is_authenticated:
            return redirect_to_login(self.route_url("mine"), reverse("wagtailcore_login"))
        enrolment = get_object_or_404(Enrolment.objects.select_related("course"), pk=pk, teacher=request.user)
        try:
            enrolling.withdraw(enrolment)
        except enrolling.Refused:
            return redirect(self.route_url("mine"))
        return redirect(self.route_url("mine") + "?withdrawn=1")
