"""The «Конструктор карьеры» page: its own text is edited in Wagtail; the questionnaire, the results, the
comparison, the route and the class sessions are its routes (``career.views``)."""

from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import cache_control
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page

from portal.pages import PortalPage

# A student's answers, results and route, a class's code: never kept by the page cache, a proxy or the browser's
# cache for anyone else (nor on a shared school computer's disk).
personal = method_decorator(cache_control(private=True, no_store=True))


class CareerBuilderPage(RoutablePageMixin, PortalPage):
    introduction = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link", "ol", "ul"])
    for_teachers = RichTextField(
        _("for teachers"),
        blank=True,
        features=["bold", "italic", "link", "ol", "ul"],
        help_text=_("Shown on the class session page: how to run the questionnaire with a class."),
    )

    http_method_names = ("get", "head", "post")  # the questionnaire, the route and the class sessions are forms
    parent_page_types = ["home.HomePage", "home.SectionPage"]
    subpage_types = []
    max_count_per_parent = 1
    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("easy_read_summary"),
        FieldPanel("introduction"),
        FieldPanel("for_teachers"),
    ]

    class Meta:
        verbose_name = _("career builder")

    def get_context(self, request, *args, **kwargs):
        from career.views import start_context

        context = super().get_context(request, *args, **kwargs)
        context.update(start_context(request, self))
        return context

    @path("oprosnik/", name="questionnaire")
    def questionnaire(self, request):
        from career.views import questionnaire

        return questionnaire(request, self)

    @path("o-sebe/", name="about")
    @personal
    def about(self, request):
        from career.views import about

        return about(request, self)

    # The diagnosis travels in the query string: ?t=<signed token> (see career.state).
    @path("rezultat/", name="results")
    @personal
    def results(self, request):
        from career.views import results

        return results(request, self)

    @path("sravnenie/", name="compare")
    @personal
    def compare(self, request):
        from career.views import compare

        return compare(request, self)

    @path("marshrut/", name="route")
    @personal
    def route_view(self, request):  # not «route»: that is Page's own URL routing method
        from career.views import build_route, route

        return build_route(request, self) if request.method == "POST" else route(request, self)

    @path("marshrut/pdf/", name="route_pdf")
    def route_pdf(self, request):
        from career.views import route_pdf

        return route_pdf(request, self)

    @path("klass/", name="class_new")
    def class_new(self, request):
        from career.classes import new_session

        return new_session(request, self)

    # The teacher's key comes in a POST only, never in a URL (see career.classes).
    @path("klass/otkryt/", name="class_open")
    @personal
    def class_open(self, request):
        from career.classes import open_session

        return open_session(request, self)
