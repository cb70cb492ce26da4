"""The methodological section: its index with the lesson finder, and the kits (ПрофиВОХ and its editions,
the recommendations for «Технология», the game module «Работай в Хабаровском крае»)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Max, Min, Q
from django.template.response import TemplateResponse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail import blocks, hooks
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from methodics.choices import EARLY_GUIDANCE_GRADE_MAX, PROFILES, grades_label
from portal.builds import serve
from portal.disabilities import DISABILITY_CATEGORIES
from portal.document_access import DocumentAccess
from portal.pages import PortalPage

from .lessons import LessonMaterial, LessonPage
from .materials import Material
from .page_links import TranslatedPageKey

# The files methodics.downloads builds for a kit.
GAME_CARDS_PDF_KIND = "game-cards-pdf"
KIT_ZIP_KIND = "kit-zip"
KIT_ZIP_FULL_KIND = "kit-zip-full"  # with the materials only signed-in teachers may download


class RoleBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("role"))
    description = blocks.TextBlock(label=_("what the player does"))

    class Meta:
        icon = "user"
        label = _("Role")


class MethodicalKitPage(RoutablePageMixin, PortalPage):
    """A kit: what it is for, who made it and when, its versions, its lessons (the child pages, in order),
    its own materials, and the whole kit as one ZIP. A kit of the kind «game» also has rules, roles and
    printable profession cards."""

    KINDS = [("complex", _("methodological complex")), ("game", _("game module"))]

    kind = models.CharField(_("kind"), max_length=10, choices=KINDS, default="complex")
    profile = models.CharField(_("profile"), max_length=20, choices=PROFILES, default="general")
    purpose = RichTextField(_("purpose"), blank=True, editor="basic")
    expected_results = RichTextField(_("expected results"), blank=True, editor="basic")
    authors = models.CharField(_("authors"), max_length=255, blank=True)
    year = models.PositiveSmallIntegerField(_("year"))
    adapted_edition_of = TranslatedPageKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="adapted_editions",
        verbose_name=_("adapted edition of"),
        help_text=_("For an edition adapted for students with disabilities: the kit it adapts."),
    )
    game_rules = RichTextField(_("rules of the game"), blank=True, editor="basic")
    game_roles = StreamField([("role", RoleBlock())], verbose_name=_("roles"), blank=True)

    parent_page_types = ["methodics.MethodicsIndexPage"]
    subpage_types = ["methodics.LessonPage"]
    search_fields = [*PortalPage.search_fields, index.SearchField("purpose"), index.FilterField("profile")]
    search_kind = "lesson"
    # wagtail-localize: the English edition of an adapted kit adapts the English kit (a link to a page is
    # synchronised unless told otherwise). The inline rows are translatable models: their texts are translated.
    override_translatable_fields = [TranslatableField("adapted_edition_of")]

    def search_facets(self):
        return {**super().search_facets(), "year": [self.year]}

    content_panels = [
        *PortalPage.content_panels,
        MultiFieldPanel(
            [FieldPanel("kind"), FieldPanel("profile"), FieldPanel("authors"), FieldPanel("year")], heading=_("About")
        ),
        FieldPanel("purpose"),
        FieldPanel("expected_results"),
        InlinePanel("versions", label=_("version"), heading=_("Versions and changes")),
        FieldPanel("adapted_edition_of"),
        InlinePanel("adaptations", label=_("adaptation"), heading=_("Adapted for")),
        InlinePanel("materials", label=_("material"), heading=_("Materials of the kit")),
    ]
    game_panels = [
        FieldPanel("game_rules"),
        FieldPanel("game_roles"),
        InlinePanel("game_cards", label=_("card"), heading=_("Profession cards")),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(game_panels, heading=_("Game")),
            ObjectList(PortalPage.promote_panels, heading=_("Promote")),
            ObjectList(PortalPage.settings_panels, heading=_("Settings")),
        ]
    )

    class Meta:
        verbose_name = _("methodological kit")
        verbose_name_plural = _("methodological kits")

    def clean(self):
        super().clean()
        if self.adapted_edition_of_id and self.adapted_edition_of_id == self.pk:
            raise ValidationError({"adapted_edition_of": _("A kit cannot be an adapted edition of itself.")})

    @property
    def is_game(self):
        return self.kind == "game"

    def lessons(self):
        return LessonPage.objects.child_of(self).live().public().order_by("path")

    def is_early_guidance(self, lessons=None):
        """Whether every lesson (``lessons`` when already fetched) is for kindergartens or grades 1–4."""
        grades = [lesson.grade_max for lesson in (self.lessons() if lessons is None else lessons)]
        return bool(grades) and max(grades) <= EARLY_GUIDANCE_GRADE_MAX

    def current_version(self):
        versions = sorted(self.versions.all(), key=lambda v: v.date)
        return versions[-1] if versions else None

    def grade_range(self):
        bounds = self.lessons().aggregate(low=Min("grade_min"), high=Max("grade_max"))
        return grades_label(bounds["low"], bounds["high"]) if bounds["low"] is not None else ""

    def editions(self):
        """The kit this one adapts and the kits adapting this one: the link works both ways."""
        return (
            MethodicalKitPage.objects.live()
            .public()
            .filter(Q(pk=self.adapted_edition_of_id) | Q(adapted_edition_of=self))
            .exclude(pk=self.pk)
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        lessons = list(self.lessons())
        access = DocumentAccess(request)
        materials = access.mark(list(self.materials.select_related("document")))
        context.update(
            lessons=lessons,
            materials=materials,
            editions=list(self.editions()),
            has_downloads=bool(lessons or materials),
            grades=self.grade_range(),
            version=self.current_version(),
            # What other apps offer on a kit's page (the teachers' «we use these materials»), as HTML: the methodics
            # know nothing of teachers' accounts.
            kit_actions=[
                html for action in hooks.get_hooks("methodics_kit_actions") if (html := action(request, self, lessons))
            ],
        )
        if self.is_game:
            context["game_cards"] = list(self.game_cards.select_related("profession"))
        return context

    def contents(self):
        """The kit's lessons in order, each lesson's materials and the kit's own, with two queries."""
        lessons = list(self.lessons())
        lesson_materials = {}
        for material in LessonMaterial.objects.filter(page__in=lessons).select_related("document"):
            lesson_materials.setdefault(material.page_id, []).append(material)
        kit_materials = list(KitMaterial.objects.filter(page=self).select_related("document"))
        return lessons, lesson_materials, kit_materials

    def refused(self, request, reason):
        # Not self.render(): the kit page's own context (its lessons, materials, editions) is not shown here.
        return TemplateResponse(
            request, "methodics/download_refused.html", {"page": self, "reason": reason}, status=404
        )

    @path("zip/", name="zip")
    def zip(self, request):
        """The archive for everyone, or the one with the private materials for a visitor who may have them all
        (both built by methodics.downloads)."""
        lessons, lesson_materials, kit_materials = self.contents()
        if not lessons and not kit_materials:
            return self.refused(request, gettext("This kit has no lessons or materials to download yet."))
        documents = [m.document for ms in lesson_materials.values() for m in ms] + [m.document for m in kit_materials]
        access = DocumentAccess(request)
        private = [document for document in documents if access.is_private(document)]
        full = bool(private) and all(access.allows(document) for document in private)
        return serve(request, self, KIT_ZIP_FULL_KIND if full else KIT_ZIP_KIND)

    @path("cards/", name="cards")
    def cards(self, request):
        if not self.is_game:
            return self.refused(request, gettext("This kit is not a game."))
        return serve(request, self, GAME_CARDS_PDF_KIND)


class KitVersion(TranslatableMixin, Orderable):
    """A version of the kit; translatable with the kit (wagtail-localize translates what changed)."""

    page = ParentalKey(MethodicalKitPage, on_delete=models.CASCADE, related_name="versions")
    version = models.CharField(_("version"), max_length=20)
    date = models.DateField(_("date"))
    changes = models.TextField(_("what changed"))

    panels = [FieldPanel("version"), FieldPanel("date"), FieldPanel("changes")]
    translatable_fields = [SynchronizedField("version"), SynchronizedField("date"), TranslatableField("changes")]

    class Meta(Orderable.Meta):
        verbose_name = _("version")
        unique_together = [("translation_key", "locale")]


class KitAdaptation(TranslatableMixin, Orderable):
    """A disability category the kit is adapted for, and what is adapted (translated with the kit)."""

    page = ParentalKey(MethodicalKitPage, on_delete=models.CASCADE, related_name="adaptations")
    category = models.CharField(_("category"), max_length=20, choices=DISABILITY_CATEGORIES)
    note = models.CharField(_("what is adapted"), max_length=255, blank=True)

    panels = [FieldPanel("category"), FieldPanel("note")]
    translatable_fields = [SynchronizedField("category"), TranslatableField("note")]

    class Meta(Orderable.Meta):
        verbose_name = _("adaptation")
        unique_together = [("translation_key", "locale")]
        constraints = [models.UniqueConstraint(fields=["page", "category"], name="kit_adaptation_once")]


class KitMaterial(Material):
    page = ParentalKey(MethodicalKitPage, on_delete=models.CASCADE, related_name="materials")


class GameCard(TranslatableMixin, Orderable):
    """A printable card of the game module: an atlas profession and the task printed on it. Translated with the
    kit: the task, and the profession (the translation's card leads to the atlas card in its language)."""

    page = ParentalKey(MethodicalKitPage, on_delete=models.CASCADE, related_name="game_cards")
    profession = TranslatedPageKey(
        "atlas.ProfessionPage", on_delete=models.CASCADE, related_name="+", verbose_name=_("profession")
    )
    task = models.CharField(_("task on the card"), max_length=300, blank=True)

    panels = [FieldPanel("profession"), FieldPanel("task")]
    translatable_fields = [TranslatableField("profession"), TranslatableField("task")]

    class Meta(Orderable.Meta):
        verbose_name = _("game card")
        unique_together = [("translation_key", "locale")]
