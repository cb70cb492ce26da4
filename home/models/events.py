import datetime

from django.core.exceptions import ValidationError
from django.core.validators import validate_comma_separated_integer_list
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from home.ical import calendar_response
from portal.blocks import BodyBlock
from portal.facets import slugs
from portal.models import Audience
from portal.pages import PortalPage, paginate
from portal.querytext import whole_number

from .base import SECTION_PARENTS, PageTag

FIRST_YEAR, LAST_YEAR = 2000, 2100


def validate_months(value):
    validate_comma_separated_integer_list(value)
    if any(not 1 <= int(month) <= 12 for month in value.split(",") if month):
        raise ValidationError(_("Months are numbers from 1 to 12, separated by commas, e.g. 4,10."))


class EventIndexPage(RoutablePageMixin, PortalPage):
    """The events plan: events by year and audience, with an iCalendar feed of all of them."""

    intro = models.TextField(_("introduction"), blank=True)

    parent_page_types = SECTION_PARENTS
    subpage_types = ["home.EventPage"]
    content_panels = [*Page.content_panels, FieldPanel("intro"), *PortalPage.summary_panels]

    class Meta:
        verbose_name = _("events index")

    def events(self):
        # Undated events («постоянно») come after the dated ones on every database.
        return (
            EventPage.objects.live()
            .public()
            .child_of(self)
            .order_by(models.F("start_date").asc(nulls_last=True), "path")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        events = self.events()
        year = whole_number(request.GET.get("year"), FIRST_YEAR, LAST_YEAR)  # None (no filter) when malformed
        if year:
            events = events.filter(start_date__year__lte=year).filter(
                models.Q(end_date__year__gte=year)
                | models.Q(end_date__isnull=True, start_date__year=year)
                | models.Q(until_year__gte=year)
            )
        audiences = Audience.shown()
        audience = next((a for a in audiences if a.slug == request.GET.get("audience")), None)
        if audience:
            events = events.filter(audiences__translation_key=audience.translation_key)
        years = sorted({d.year for d in self.events().exclude(start_date=None).values_list("start_date", flat=True)})
        context.update(
            events=paginate(request, events.prefetch_related("audiences")),
            years=years,
            year=year,
            audiences=audiences,
            audience=audience,
        )
        return context

    @path("ical/", name="ical")
    def ical(self, request):
        return calendar_response(request, self.title, self.events(), filename="events.ics")


class EventPage(RoutablePageMixin, PortalPage):
    """An event of the programme: a date or a period («ежегодно, апрель и октябрь»), who runs it, who it
    is for, and where."""

    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    start_time = models.TimeField(_("start time"), null=True, blank=True)
    end_time = models.TimeField(_("end time"), null=True, blank=True)
    period_text = models.CharField(
        _("period in words"),
        max_length=255,
        blank=True,
        help_text=_("As the plan states it, e.g. «ежегодно, апрель и октябрь»."),
    )
    months = models.CharField(
        _("months it recurs in"),
        max_length=40,
        blank=True,
        validators=[validate_months],
        help_text=_("For a yearly event: month numbers separated by commas, e.g. 4,10."),
    )
    until_year = models.PositiveSmallIntegerField(_("recurs until (year)"), null=True, blank=True)
    dates_approximate = models.BooleanField(
        _("dates are approximate"),
        default=False,
        help_text=_("The dates only place the event in calendars; visitors see the period in words."),
    )
    responsible = models.TextField(_("responsible bodies"), blank=True, help_text=_("One per line."))
    audiences = ParentalManyToManyField("portal.Audience", blank=True, verbose_name=_("audiences"))
    venue = models.CharField(_("venue"), max_length=255, blank=True)
    online_url = models.URLField(_("online link"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    tags = ClusterTaggableManager(through=PageTag, blank=True, verbose_name=_("tags"))

    parent_page_types = ["home.EventIndexPage"]
    subpage_types = []

    def shown_audiences(self):
        """Whom the event is for, named in the visitor's language where translated."""
        return Audience.as_shown(self.audiences.all())

    content_panels = [
        *Page.content_panels,
        *PortalPage.summary_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
                FieldRowPanel([FieldPanel("start_time"), FieldPanel("end_time")]),
                FieldPanel("period_text"),
                FieldRowPanel([FieldPanel("months"), FieldPanel("until_year")]),
                FieldPanel("dates_approximate"),
            ],
            heading=_("When"),
        ),
        FieldPanel("responsible"),
        FieldPanel("audiences"),
        MultiFieldPanel([FieldPanel("venue"), FieldPanel("online_url")], heading=_("Where")),
        FieldPanel("body"),
        FieldPanel("tags"),
    ]
    search_fields = [
        *PortalPage.search_fields,
        index.SearchField("period_text"),
        index.SearchField("responsible"),
        index.SearchField("venue"),
        index.SearchField("body"),
        index.FilterField("start_date"),
    ]
    search_kind = "event"

    def search_facets(self):
        year = [self.start_date.year] if self.start_date else []
        return {**super().search_facets(), "audience": slugs(self.audiences), "year": year}

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def clean(self):
        super().clean()
        errors = {}
        if not self.start_date and not self.period_text:
            errors["start_date"] = _("Give a start date, or describe the period in words.")
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = _("The event cannot end before it starts.")
        if self.months and not self.start_date:
            errors["months"] = _("A recurring event needs the start date of its first occurrence.")
        if self.dates_approximate and not self.period_text:
            errors["period_text"] = _("Approximate dates need the period in words.")
        if self.until_year and self.start_date and self.until_year < self.start_date.year:
            errors["until_year"] = _("The last year cannot be before the first one.")
        if errors:
            raise ValidationError(errors)

    @property
    def month_numbers(self):
        return [int(month) for month in self.months.split(",") if month]

    @property
    def responsible_list(self):
        return [line.strip() for line in self.responsible.splitlines() if line.strip()]

    @property
    def is_past(self):
        last = self.end_date or self.start_date
        if self.until_year:
            last = datetime.date(self.until_year, 12, 31)
        return bool(last and last < datetime.date.today())

    @path("ical/", name="ical")
    def ical(self, request):
        return calendar_response(request, self.title, [self], filename=f"{self.slug}.ics")
