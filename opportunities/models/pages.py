"""The public list of opportunities with its facets, and a page for each opportunity."""

from urllib.parse import urlencode

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField

from portal import locales
from portal.disabilities import DISABILITY_CATEGORIES
from portal.pages import PortalPage
from portal.querytext import plain_query
from search import facet_menu

from .. import bookings, listing
from ..booking_forms import BookingForm
from ..forms import OpportunityFilterForm
from .bookings import Booking
from .opportunities import Opportunity


class OpportunityIndexPage(RoutablePageMixin, PortalPage):
    """«Профпробы, экскурсии, практики»: what approved employers and colleges offer school classes and students, with
    filters (kind, district, profession, sector, dates, grade, accessibility), and a page for each. Organisations
    write the opportunities themselves in the admin; this page needs only its introduction."""

    introduction = RichTextField(_("introduction"), blank=True, editor="basic")

    parent_page_types = ["home.HomePage", "home.SectionPage"]
    subpage_types = []
    content_panels = [*PortalPage.content_panels, FieldPanel("introduction")]
    max_count_per_parent = 1
    # An opportunity's page takes the booking form and the bookings page the cancellations (portal.wagtail_hooks);
    # the other routes refuse POST themselves.
    http_method_names = ("get", "head", "post")

    class Meta:
        verbose_name = _("list of opportunities")

    @path("")
    def index_route(self, request):
        """The list: an unknown facet value or a malformed date is reported beside its field and ignored."""
        if request.method == "POST":
            return HttpResponseNotAllowed(["GET", "HEAD"])
        labels = listing.labels()
        form = OpportunityFilterForm(request.GET or None, labels=labels)
        values = form.valid_values()
        query = plain_query(values.pop("q", ""))
        period = values.pop("period", None)
        first, last = values.pop("date_from", None), values.pop("date_to", None)
        dates = listing.period_dates(period) if period else (first, last) if first or last else None
        found = listing.search(query, values, dates=dates, page=request.GET.get("page"))
        facets = facet_menu.menu(
            request.GET,
            listing.FACETS,
            titles={facet: form.fields[facet].label for facet in listing.FACETS},
            labels=labels,
            counts=found.counts,
            chosen=values,
        )
        context = {"form": form, "found": found, "results": found.results, "facets": facets}
        return self.render(request, context_overrides=context)

    @path("<int:pk>/", name="opportunity")
    def opportunity(self, request, pk):
        """An opportunity's page; a signed-in teacher books places for a class on it (POST), others are told how."""
        opportunity = Opportunity.objects.listed().select_related("organisation", "district").filter(pk=pk).first()
        if opportunity is None:
            response = self.render(
                request,
                template="opportunities/not_found.html",
                context_overrides={
                    "message": gettext("This opportunity is over, withdrawn or has never been published here.")
                },
            )
            response.status_code = 404
            return response
        listing.with_parts([opportunity])
        teacher = bookings.is_teacher(request.user)
        form, status = None, 200
        if teacher:
            form = BookingForm(
                request.POST if request.method == "POST" else None, opportunity=opportunity, user=request.user
            )
            if form.is_bound and form.is_valid():
                try:
                    booking = bookings.book(form.cleaned_data["slot"], request.user, **form.booking_fields())
                except bookings.Refused as refused:
                    form.add_error(refused.field, str(refused.message))
                else:
                    return redirect(self.url + self.reverse_subpage("my_bookings") + f"?booked={booking.pk}")
            if form.errors:
                status = 400
        elif request.method == "POST":
            status = 403  # the page says who may book and how to sign in
        adapted = {row.category: row for row in opportunity.accessibility.all()}
        context = {
            "opportunity": opportunity,
            "district": locales.localized([opportunity.district])[0],
            "professions": listing.professions_in_language(opportunity),
            "accessibility": [(label, adapted.get(value)) for value, label in DISABILITY_CATEGORIES],
            "photos": list(opportunity.photos.select_related("image")),
            "today": timezone.localdate(),
            "form": form,
            "login_url": f"{reverse('wagtailcore_login')}?{urlencode({'next': request.path})}",
        }
        response = self.render(request, template="opportunities/opportunity.html", context_overrides=context)
        response.status_code = status
        return response

    @path("moi-zapisi/", name="my_bookings")
    def my_bookings(self, request):
        """A teacher's bookings, the coming ones first, each with its state; those ahead may be cancelled."""
        if request.method == "POST":
            return HttpResponseNotAllowed(["GET", "HEAD"])
        if not bookings.is_teacher(request.user):
            return redirect_to_login(request.get_full_path(), reverse("wagtailcore_login"))
        mine = list(
            Booking.objects.filter(teacher=request.user)
            .select_related("slot__opportunity__organisation")
            .order_by("-slot__date", "-slot__start", "-created_at")
        )
        today = timezone.localdate()
        context = {
            "coming": [booking for booking in mine if booking.slot.date >= today][::-1],
            "past": [booking for booking in mine if booking.slot.date < today],
            "booked": next((b for b in mine if str(b.pk) == request.GET.get("booked")), None),
            "cancelled": request.GET.get("cancelled") == "1",
        }
        response = self.render(request, template="opportunities/my_bookings.html", context_overrides=context)
        add_never_cache_headers(response)
        return response

    @path("moi-zapisi/<int:booking_id>/otmena/", name="cancel_booking")
    def cancel_booking(self, request, booking_id):
        """POST: the teacher cancels a booking of their own (anyone else's is not found)."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if not bookings.is_teacher(request.user):
            raise PermissionDenied
        booking = get_object_or_404(Booking, pk=booking_id, teacher=request.user)
        done = bookings.cancel(booking, request.user)
        return redirect(self.url + self.reverse_subpage("my_bookings") + ("?cancelled=1" if done else ""))
