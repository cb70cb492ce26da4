from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from portal.blocks import BodyBlock
from portal.facets import slugs
from portal.pages import PortalPage, paginate, when_shown

from .base import SECTION_PARENTS, PageTag


class NewsIndexPage(PortalPage):
    """The news feed: news items, newest first, twenty to a page."""

    parent_page_types = SECTION_PARENTS
    subpage_types = ["home.NewsPage"]
    content_panels = PortalPage.content_panels

    class Meta:
        verbose_name = _("news index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        items = NewsPage.objects.live().public().child_of(self).order_by("-date", "-pk").select_related("image")
        context["news"] = when_shown(lambda: paginate(request, items))
        return context


class NewsPage(PortalPage):
    """A news item."""

    date = models.DateField(_("date"), default=timezone.localdate)
    image = models.ForeignKey(
        "portal.PortalImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("image"),
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    tags = ClusterTaggableManager(through=PageTag, blank=True, verbose_name=_("tags"))
    audiences = ParentalManyToManyField("portal.Audience", blank=True, verbose_name=_("audiences"))

    parent_page_types = ["home.NewsIndexPage"]
    subpage_types = []
    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        *PortalPage.summary_panels,
        FieldPanel("image"),
        FieldPanel("body"),
        MultiFieldPanel([FieldPanel("tags"), FieldPanel("audiences")], heading=_("Classification")),
    ]
    search_fields = [*PortalPage.search_fields, index.SearchField("body"), index.FilterField("date")]
    search_kind = "news"

    def search_facets(self):
        return {**super().search_facets(), "audience": slugs(self.audiences), "year": [self.date.year]}

    def clean(self):
        super().clean()
        # Bulk uploads create images before their alt text is written: do not let one reach a page.
        if self.image and not self.image.is_decorative and not self.image.description.strip():
            raise ValidationError({"image": _("This image has no alt text yet: add it in the image library first.")})

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news")
