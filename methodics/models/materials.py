"""Downloadable materials (Wagtail documents) attached to kits, lessons and practices, in the editors' order.
Translatable with their page: wagtail-localize translates the description; the document and its kind follow the
original."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.documents import get_document_model_string
from wagtail.models import Orderable, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from methodics.choices import MATERIAL_KINDS


class Material(TranslatableMixin, Orderable):
    document = models.ForeignKey(
        get_document_model_string(), on_delete=models.CASCADE, related_name="+", verbose_name=_("document")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=MATERIAL_KINDS, default="worksheet")
    description = models.CharField(_("description"), max_length=255, blank=True)

    panels = [FieldPanel("document"), FieldPanel("kind"), FieldPanel("description")]
    translatable_fields = [SynchronizedField("document"), SynchronizedField("kind"), TranslatableField("description")]

    class Meta(Orderable.Meta):
        abstract = True
        unique_together = [("translation_key", "locale")]
        verbose_name = _("material")
        verbose_name_plural = _("materials")
