"""«Куда обратиться»: the directory of support centres by district, and the consultation request form."""

from django.conf import settings
from django.http import HttpResponseNotAllowed
from django.shortcuts import redirect
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField

from portal import locales
from portal.former_addresses import moved_permanently, respelled
from portal.limits import exceeded, too_many_requests
from portal.pages import PortalPage

from .. import consultations
from ..forms import ConsultationRequestForm, DistrictFilterForm
from .centres import SupportCentre


def districts_shown(centres):
    """The districts of ``centres`` in the visitor's language, in alphabetical order."""
    originals = {centre.district_id: centre.district for centre in centres if centre.district_id}
    shown = dict(zip(originals, locales.localized(originals.values()), strict=True))
    return sorted(shown.items(), key=lambda item: item[1].name)


class SupportCentresPage(RoutablePageMixin, PortalPage):
    """The krai's ППМС and career-guidance centres, with contacts and hours, filtered by district; and the form
    through which a parent asks a centre a question. Centres are edited in the admin («Родителям → Центры»)."""

    introduction = RichTextField(_("introduction"), blank=True, editor="basic")
    request_introduction = RichTextField(
        _("introduction of the request form"),
        blank=True,
        editor="basic",
        help_text=_("What a parent may ask and how soon the centres answer."),
    )

    parent_page_types = ["home.HomePage", "home.SectionPage"]
    subpage_types = []
    max_count_per_parent = 1
    content_panels = [*PortalPage.content_panels, FieldPanel("introduction"), FieldPanel("request_introduction")]
    http_method_names = ("get", "head", "post")  # the request form; the directory refuses POST itself

    class Meta:
        verbose_name = _("directory of support centres")

    @path("")
    def directory(self, request):
        if request.method == "POST":
            return HttpResponseNotAllowed(["GET", "HEAD"])
        centres = list(SupportCentre.objects.select_related("district").order_by("name_ru"))
        districts = districts_shown(centres)
        form = DistrictFilterForm(request.GET or None, districts=[district for _pk, district in districts])
        chosen = form.valid_values().get("district")
        groups = [(None, [c for c in centres if c.district_id is None])]
        groups += [
            (district, [c for c in centres if c.district_id == pk])
            for pk, district in districts
            if not chosen or district.slug == chosen
        ]
        context = {
            "form": form,
            "groups": [(district, rows) for district, rows in groups if rows],
            "taking": set(consultations.taking_requests().values_list("pk", flat=True)),
        }
        response = self.render(request, context_overrides=context)
        if form.errors:
            response.status_code = 400
        return response

    @path("konsultatsiia/", name="request")
    def request_form(self, request):
        """GET: the form (the centre chosen beforehand when ``?centre=`` names one that takes requests). POST: a
        limit per address; a valid request is stored and sent, then the visitor is shown where it went."""
        centres = consultations.taking_requests().select_related("district").order_by("name_ru")
        status = 200
        if request.method == "POST":
            if exceeded(request, "consultation-request", count=True):
                return too_many_requests(request)
            form = ConsultationRequestForm(request.POST, centres=centres)
            if form.is_valid():
                consultation = consultations.send(form, translation.get_language())
                return redirect(self.url + self.reverse_subpage("sent") + f"?centre={consultation.centre_id}")
            status = 400
        else:
            chosen = request.GET.get("centre", "")
            initial = {"centre": chosen} if chosen.isdigit() and centres.filter(pk=chosen).exists() else {}
            form = ConsultationRequestForm(initial=initial, centres=centres)
        context = {"form": form, "consent_text": consultations.consent_text(), "centres_exist": centres.exists()}
        response = self.render(request, template="parents/request_form.html", context_overrides=context)
        response.status_code = status
        add_never_cache_headers(response)
        return response

    @path("konsultatsiia/otpravleno/", name="sent")
    def sent(self, request):
        """Where the request went (the centre's public contacts: nothing of the request is shown again)."""
        if request.method == "POST":
            return HttpResponseNotAllowed(["GET", "HEAD"])
        chosen = request.GET.get("centre", "")
        centre = SupportCentre.objects.filter(pk=chosen).first() if chosen.isdigit() else None
        context = {"centre": centre, "answered_days": settings.CONSULTATION_ANSWERED_KEPT_DAYS}
        return self.render(request, template="parents/request_sent.html", context_overrides=context)

    @path("konsultaciya/", name="former_request")
    @path("konsultaciya/otpravleno/", name="former_sent")
    def former_address(self, request):
        """The form's first address, in another transliteration than the portal's: it moved permanently."""
        return moved_permanently(request, respelled(request.path))
