from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page

from portal.models import Audience
from portal.pages import PortalPage, paginate, public_pages

from .base import SECTION_PARENTS


def _listable_page_types():
    return models.Q(app_label__in=["home", "atlas", "navigator", "methodics", "monitoring"])


class CollectionPage(PortalPage):
    """A saved search (Plone's «Collection»): lists the pages that match its criteria, newest first.
    Criteria combine: page type, tag and audience."""

    intro = models.TextField(_("introduction"), blank=True)
    page_type = models.ForeignKey(
        ContentType,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        limit_choices_to=_listable_page_types,
        verbose_name=_("page type"),
    )
    tag = models.CharField(_("tag"), max_length=100, blank=True)
    audience = models.ForeignKey(
        "portal.Audience", null=True, blank=True, on_delete=models.SET_NULL, verbose_name=_("audience")
    )
    per_page = models.PositiveSmallIntegerField(_("items per page"), default=20)

    parent_page_types = SECTION_PARENTS
    subpage_types = []
    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel(
            [FieldPanel("page_type"), FieldPanel("tag"), FieldPanel("audience"), FieldPanel("per_page")],
            heading=_("What to list"),
        ),
        *PortalPage.summary_panels,
    ]

    class Meta:
        verbose_name = _("collection")

    def matching_pages(self):
        """Live public pages in this page's language that meet every criterion set."""
        pages = public_pages().filter(locale_id=self.locale_id).exclude(pk=self.pk)
        if self.page_type_id:
            pages = pages.filter(content_type_id=self.page_type_id)
        if self.tag:
            pages = pages.filter(tagged_items__tag__name__iexact=self.tag)
        if self.audience_id:
            ids = set()
            for model in (ct.model_class() for ct in ContentType.objects.filter(_listable_page_types())):
                if model and issubclass(model, Page) and _links_audiences(model):
                    # By translation key: pages link the originals, a translated collection the translation.
                    chosen = Audience.objects.filter(pk=self.audience_id).values("translation_key")
                    ids.update(model.objects.filter(audiences__translation_key__in=chosen).values_list("pk", flat=True))
            pages = pages.filter(pk__in=ids)
        return pages.distinct().order_by("-first_published_at", "path")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["items"] = paginate(request, self.matching_pages().specific(), self.per_page or 20)
        return context


def _links_audiences(model):
    """Whether the page type links audiences (the home page's «audiences» are entry-point blocks, not links)."""
    try:
        return model._meta.get_field("audiences").related_model is Audience
    except FieldDoesNotExist:
        return False
