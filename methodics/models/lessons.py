"""A lesson of a kit: who it is for, how long it takes, its plan stage by stage, its materials, the atlas
professions it introduces, and its plan as a PDF."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from atlas.models.pages import LINES_HELP, lines
from methodics.choices import FORMATS, GRADES, PROFILES, grades_label
from portal.builds import serve
from portal.document_access import DocumentAccess
from portal.pages import PortalPage

from .materials import Material


class PlanStageBlock(blocks.StructBlock):
    stage = blocks.CharBlock(label=_("stage"))
    minutes = blocks.IntegerBlock(label=_("minutes"), min_value=1, max_value=600)
    teacher = blocks.TextBlock(label=_("teacher's actions"))
    students = blocks.TextBlock(label=_("students' activity"))
    materials = blocks.CharBlock(label=_("materials"), required=False)

    class Meta:
        icon = "time"
        label = _("Stage")


class LessonPage(RoutablePageMixin, PortalPage):
    grade_min = models.PositiveSmallIntegerField(_("from"), choices=GRADES, default=8)
    grade_max = models.PositiveSmallIntegerField(_("to"), choices=GRADES, default=9)
    format = models.CharField(_("format"), max_length=20, choices=FORMATS, default="lesson")
    profile = models.CharField(
        _("profile"),
        max_length=20,
        choices=PROFILES,
        blank=True,
        help_text=_("Only if it differs from the kit's profile."),
    )
    duration_minutes = models.PositiveSmallIntegerField(
        _("duration, minutes"), default=45, validators=[MinValueValidator(5), MaxValueValidator(600)]
    )
    goals = models.TextField(_("goals"), blank=True, help_text=LINES_HELP)
    equipment = models.TextField(_("equipment"), blank=True, help_text=LINES_HELP)
    plan = StreamField([("stage", PlanStageBlock())], verbose_name=_("plan"), blank=True)
    assessment = RichTextField(_("assessment and reflection"), blank=True, editor="basic")
    professions = ParentalManyToManyField(
        "atlas.ProfessionPage", blank=True, related_name="lessons", verbose_name=_("atlas professions")
    )

    parent_page_types = ["methodics.MethodicalKitPage"]
    subpage_types = []
    search_fields = [
        *PortalPage.search_fields,
        index.SearchField("goals"),
        index.SearchField("search_facts"),
        index.FilterField("format"),
        index.FilterField("grade_min"),
        index.FilterField("grade_max"),
    ]
    search_kind = "lesson"
    content_panels = [
        *PortalPage.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("grade_min"), FieldPanel("grade_max")], heading=_("Grades")),
                FieldRowPanel([FieldPanel("format"), FieldPanel("duration_minutes")]),
                FieldPanel("profile"),
            ],
            heading=_("For whom and how long"),
        ),
        FieldPanel("goals"),
        FieldPanel("equipment"),
        FieldPanel("plan"),
        FieldPanel("assessment"),
        FieldPanel("professions"),
        InlinePanel("materials", label=_("material"), heading=_("Handouts and presentations")),
    ]

    class Meta:
        verbose_name = _("lesson")
        verbose_name_plural = _("lessons")

    def clean(self):
        super().clean()
        if self.grade_min is not None and self.grade_max is not None and self.grade_min > self.grade_max:
            raise ValidationError({"grade_max": _("The last grade comes before the first one.")})
        planned = sum(stage.value["minutes"] or 0 for stage in self.plan)
        if self.duration_minutes and planned > self.duration_minutes:
            raise ValidationError(
                {
                    "plan": _("The stages take %(planned)s minutes, longer than the lesson (%(duration)s minutes).")
                    % {"planned": planned, "duration": self.duration_minutes}
                }
            )

    @property
    def grades(self):
        return grades_label(self.grade_min, self.grade_max)

    def search_facts(self):
        """Format and grades in words, and each grade number: «урок для 8 класса» finds a lesson for grades 7–9."""
        with translation.override(self.locale.language_code):
            grades = map(str, range(self.grade_min, self.grade_max + 1))
            return " ".join([str(self.get_format_display()), str(self.grades), *grades])

    def goal_list(self):
        return lines(self.goals)

    def equipment_list(self):
        return lines(self.equipment)

    def kit(self):
        return self.get_parent().specific

    def lesson_context(self, request):
        """Everything the page and its PDF show, with a fixed number of queries."""
        return {
            "kit": self.kit(),
            "materials": DocumentAccess(request).mark(list(self.materials.select_related("document"))),
            "professions": list(self.professions.live().select_related("sector").order_by("title")),
        }

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self.lesson_context(request))
        return context

    @path("pdf/", name="pdf")
    def pdf(self, request):
        return serve(request, self, "lesson-pdf")


class LessonMaterial(Material):
    page = ParentalKey(LessonPage, on_delete=models.CASCADE, related_name="materials")
