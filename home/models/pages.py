from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from portal.blocks import BodyBlock
from portal.facets import slugs
from portal.pages import PortalPage, TransliteratedSlugMixin

from .base import SECTION_PARENTS, PageTag
from .news import NewsPage


class AddressBlock(blocks.CharBlock):
    """An address on this site (``/organizatsiiam/registratsiia/``) or elsewhere (``https://…``): the boxes lead to
    the portal's own forms, which are views rather than pages, and a full address would break when the domain does."""

    def __init__(self, **kwargs):
        super().__init__(max_length=500, validators=[validate_address], **kwargs)


def validate_address(value):
    if value.startswith("/") and not value.startswith("//"):
        return
    URLValidator(schemes=["http", "https"])(value)


# The icon beside each box's title (site.css: .icon--…).
AUDIENCE_ICONS = {
    "students": "school",
    "parents": "users",
    "teachers": "presentation",
    "disabled_youth": "wheelchair",
    "employers": "briefcase",
}


class AudienceEntryBlock(blocks.StructBlock):
    """An entry point on the home page for one audience, with its most useful links."""

    audience = blocks.ChoiceBlock(
        label=_("audience"),
        choices=[
            ("students", _("Students")),
            ("parents", _("Parents")),
            ("teachers", _("Teachers")),
            ("disabled_youth", _("Young people with disabilities")),
            ("employers", _("Employers")),
        ],
    )
    title = blocks.CharBlock(label=_("title"))
    text = blocks.TextBlock(label=_("text"))
    links = blocks.ListBlock(
        blocks.StructBlock(
            [
                ("page", blocks.PageChooserBlock(label=_("page"), required=False)),
                ("url", AddressBlock(label=_("or address"), required=False)),
                ("text", blocks.CharBlock(label=_("link text"), required=False)),
            ]
        ),
        label=_("links"),
    )

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["icon"] = AUDIENCE_ICONS.get(value.get("audience"), "users")
        return context

    class Meta:
        icon = "group"
        label = _("Entry point for an audience")
        template = "home/blocks/audience_entry.html"


class HomePage(PortalPage):
    """The portal's front page: what the programme is, and a way in for each of its five audiences."""

    intro = models.TextField(_("introduction"), blank=True)
    hero = models.ForeignKey(
        "portal.PortalImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("illustration"),
        help_text=_("The picture beside the introduction."),
    )
    audiences = StreamField([("entry", AudienceEntryBlock())], verbose_name=_("entry points"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    parent_page_types = ["wagtailcore.Page"]
    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("hero"),
        FieldPanel("audiences"),
        FieldPanel("body"),
        MultiFieldPanel(PortalPage.summary_panels, heading=_("Summaries")),
    ]
    search_fields = [*PortalPage.search_fields, index.SearchField("intro"), index.SearchField("body")]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["latest_news"] = (
            NewsPage.objects.live().public().descendant_of(self).order_by("-date", "-pk").select_related("image")[:3]
        )
        return context


class SectionPage(PortalPage):
    """A folder: an introduction and the ordered list of the pages inside it."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    parent_page_types = SECTION_PARENTS
    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("body"),
        MultiFieldPanel(PortalPage.summary_panels, heading=_("Summaries")),
    ]
    search_fields = [*PortalPage.search_fields, index.SearchField("intro"), index.SearchField("body")]

    class Meta:
        verbose_name = _("section")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Tree order is the editors' order; specific() costs one query per page type, not per page.
        context["children"] = self.public_children().specific()
        return context


class ContentPage(PortalPage):
    """A document: text, images, tables, downloads and videos on one page."""

    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    tags = ClusterTaggableManager(through=PageTag, blank=True, verbose_name=_("tags"))
    audiences = ParentalManyToManyField("portal.Audience", blank=True, verbose_name=_("audiences"))

    parent_page_types = SECTION_PARENTS
    subpage_types = []
    content_panels = [
        *PortalPage.content_panels,
        FieldPanel("body"),
        MultiFieldPanel([FieldPanel("tags"), FieldPanel("audiences")], heading=_("Classification")),
    ]
    search_fields = [*PortalPage.search_fields, index.SearchField("body")]

    def search_facets(self):
        return {**super().search_facets(), "audience": slugs(self.audiences)}

    class Meta:
        verbose_name = _("content page")


class LinkPage(TransliteratedSlugMixin, Page):
    """A link in the tree (Plone's «Link»): to another page or an outside address."""

    link_page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("page")
    )
    link_url = models.URLField(_("or address"), blank=True)

    parent_page_types = SECTION_PARENTS
    subpage_types = []
    content_panels = [*Page.content_panels, FieldPanel("link_page"), FieldPanel("link_url")]

    class Meta:
        verbose_name = _("link")

    def clean(self):
        super().clean()
        if bool(self.link_page) == bool(self.link_url):
            raise ValidationError({"link_url": _("Choose a page or enter an address (one of the two).")})

    @property
    def target_url(self):
        return self.link_page.url if self.link_page else self.link_url

    def serve(self, request, *args, **kwargs):
        return redirect(self.target_url or "/")
