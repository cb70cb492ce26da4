"""Downloadable materials (Wagtail documents) attached to kits, lessons and practices, in the editors' order."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.documents import get_document_model_string
from wagtail.models import Orderable

from methodics.choices import MATERIAL_KINDS


class Material(Orderable):
    document = models.ForeignKey(
        get_document_model_string(), on_delete=models.CASCADE, related_name="+", verbose_name=_("document")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=MATERIAL_KINDS, default="worksheet")
    description = models.CharField(_("description"), max_length=255, blank=True)

    panels = [FieldPanel("document"), FieldPanel("kind"), FieldPanel("description")]

    class Meta(Orderable.Meta):
        abstract = True
        verbose_name = _("material")
        verbose_name_plural = _("materials")
