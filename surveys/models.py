"""A survey page built on Wagtail's form builder. Anonymous by construction: the question kinds are choices, scales,
numbers and free text (no e-mail, no date of birth, no hidden field), a submission stores the answers alone, and the
one-answer-per-visitor rule is a signed cookie and a rate limit per address, neither of which is stored."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from slugify import slugify
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractFormField, FormMixin
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField

from portal.pages import PortalPage

from . import views
from .questions import COOKIE_SALT, QUESTION_KINDS, SurveyFormBuilder


class SurveyQuestion(AbstractFormField):
    page = ParentalKey("SurveyPage", on_delete=models.CASCADE, related_name="questions")
    field_type = models.CharField(_("kind of question"), max_length=16, choices=QUESTION_KINDS)

    class Meta(AbstractFormField.Meta):
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def get_field_clean_name(self):
        """The answer's key in the stored data and the export: the question transliterated (Wagtail's own would
        escape every Cyrillic letter as «u041a»)."""
        return slugify(self.label, separator="_", max_length=60, word_boundary=True) or super().get_field_clean_name()


class SurveyPage(RoutablePageMixin, FormMixin, PortalPage):
    """An anonymous survey: its questions, the text after answering, and whether visitors see the results."""

    introduction = RichTextField(_("introduction"), blank=True, editor="basic")
    thank_you_text = RichTextField(_("text after answering"), blank=True, editor="basic")
    results_public = models.BooleanField(
        _("results are public"), default=True, help_text=_("Visitors see the counts of answers as charts and tables.")
    )
    form_builder = SurveyFormBuilder

    parent_page_types = ["home.HomePage", "home.SectionPage"]
    subpage_types = []
    content_panels = [
        *PortalPage.content_panels,
        FieldPanel("introduction"),
        InlinePanel("questions", label=_("question")),
        MultiFieldPanel([FieldPanel("thank_you_text"), FieldPanel("results_public")], heading=_("After answering")),
    ]
    http_method_names = ("get", "head", "post")

    class Meta:
        verbose_name = _("survey")
        verbose_name_plural = _("surveys")

    def get_form_fields(self):
        return self.questions.all()

    @property
    def cookie_name(self):
        return f"survey-{self.translation_key.hex[:12]}"

    def answered(self, request):
        """Whether this browser has answered (the cookie is signed: a made-up one counts for nothing)."""
        return request.get_signed_cookie(self.cookie_name, default=None, salt=COOKIE_SALT) == "1"

    @path("")
    def survey(self, request):
        return views.survey(self, request)

    @path("rezultaty/", name="results")
    def results(self, request):
        return views.results(self, request)
