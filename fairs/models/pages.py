"""The list of fairs and a page for each fair. A fair is an event (online, in a venue, or both) whose booths
(fairs.models.booths) employers fill in; students register on its page and book interview slots there."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField

from portal import locales
from portal.pages import PortalPage

from .. import views

# The links' ``limit_choices_to`` (the originals in the default language), named here because migrations refer to it.
in_default_locale = locales.in_default_locale


class FairFormat(models.TextChoices):
    VENUE = "venue", _("in a venue")
    ONLINE = "online", _("online")
    BOTH = "both", _("in a venue and online")


class FairIndexPage(PortalPage):
    """«Ярмарки вакансий»: the coming fairs first, then the past ones with their results."""

    introduction = RichTextField(_("introduction"), blank=True, editor="basic")

    parent_page_types = ["home.HomePage", "home.SectionPage"]
    subpage_types = ["fairs.FairPage"]
    content_panels = [*PortalPage.content_panels, FieldPanel("introduction")]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("list of fairs")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        fairs = list(FairPage.objects.child_of(self).live().specific().order_by("starts_on"))
        today = timezone.localdate()
        context["coming"] = [fair for fair in fairs if fair.ends_on >= today]
        context["past"] = [fair for fair in fairs if fair.ends_on < today][::-1]
        return context


class FairPage(PortalPage):
    """A vacancy fair: when and where, who takes part, what is adapted when it is the fair for graduates with
    disabilities; its booths and interview slots come from the organisations (fairs.models.booths), and the page
    takes the students' registrations and bookings (fairs.views)."""

    starts_on = models.DateField(_("first day"))
    ends_on = models.DateField(_("last day"))
    format = models.CharField(_("format"), max_length=10, choices=FairFormat.choices, default=FairFormat.VENUE)
    venue = models.CharField(_("venue"), max_length=255, blank=True, help_text=_("The address and the hall."))
    district = models.ForeignKey(
        "atlas.MunicipalDistrict",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to=in_default_locale,
        verbose_name=_("district"),
    )
    online_link = models.URLField(_("link to join online"), blank=True)
    introduction = RichTextField(_("about the fair"), blank=True, editor="basic")
    for_disabilities = models.BooleanField(
        _("a fair for graduates with disabilities"),
        default=False,
        help_text=_("The page then states the venue's accessibility, the interpreter and what is adapted."),
    )
    venue_accessibility = models.TextField(
        _("accessibility of the venue"), blank=True, help_text=_("Entrance, ramps and lifts, toilets, parking.")
    )
    sign_language = models.BooleanField(_("sign-language interpreter"), default=False)
    adaptations = models.TextField(
        _("what is adapted"),
        blank=True,
        help_text=_("Captions, easy-read materials, a quiet room, escorts, longer interviews."),
    )
    colleges = ParentalManyToManyField(
        "atlas.EducationalOrganization",
        blank=True,
        related_name="+",
        limit_choices_to=in_default_locale,
        verbose_name=_("participating colleges"),
    )

    parent_page_types = ["fairs.FairIndexPage"]
    subpage_types = []
    content_panels = [
        *PortalPage.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on")]),
                FieldPanel("format"),
                FieldPanel("venue"),
                FieldPanel("district"),
                FieldPanel("online_link"),
            ],
            heading=_("When and where"),
        ),
        FieldPanel("introduction"),
        MultiFieldPanel(
            [
                FieldPanel("for_disabilities"),
                FieldPanel("venue_accessibility"),
                FieldPanel("sign_language"),
                FieldPanel("adaptations"),
            ],
            heading=_("Accessibility"),
        ),
        FieldPanel("colleges"),
    ]
    # The page takes the registration and booking forms (fairs.views).
    http_method_names = ("get", "head", "post")

    class Meta:
        verbose_name = _("fair")
        verbose_name_plural = _("fairs")

    def clean(self):
        super().clean()
        errors = {}
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            errors["ends_on"] = _("The last day cannot come before the first.")
        if self.format in (FairFormat.VENUE, FairFormat.BOTH) and not self.venue:
            errors["venue"] = _("Write where the fair is held.")
        if self.format in (FairFormat.ONLINE, FairFormat.BOTH) and not self.online_link:
            errors["online_link"] = _("Give the link visitors join by.")
        if self.for_disabilities and not (self.adaptations or self.venue_accessibility):
            errors["adaptations"] = _("A fair for graduates with disabilities says what is adapted.")
        if errors:
            raise ValidationError(errors)

    @property
    def is_past(self):
        return self.ends_on < timezone.localdate()

    @property
    def has_venue(self):
        return self.format in (FairFormat.VENUE, FairFormat.BOTH)

    @property
    def is_online(self):
        return self.format in (FairFormat.ONLINE, FairFormat.BOTH)

    def original(self):
        """The fair in the default language: its booths and registrations hang on it, whatever the page's language."""
        if self.locale.language_code == locales.default_language():
            return self
        return self.get_translation_or_none(locales.default_locale()) or self

    def serve(self, request, *args, **kwargs):
        return views.serve_fair(self, request)
