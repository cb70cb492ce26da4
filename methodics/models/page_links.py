"""A link to a page that wagtail-localize translates: the translation links the page's translation."""

from django.db import models
from django.db.models.fields.related_descriptors import ForwardManyToOneDescriptor
from wagtail.models import Page


class SpecificPageDescriptor(ForwardManyToOneDescriptor):
    """Accepts the base ``Page`` of the linked model's page, as its specific page."""

    def __set__(self, instance, value):
        if isinstance(value, Page) and not isinstance(value, self.field.remote_field.model):
            value = value.specific
        super().__set__(instance, value)


class TranslatedPageKey(models.ForeignKey):
    """A foreign key to a page model that wagtail-localize may translate (the field listed as a ``TranslatableField``).

    wagtail-localize keeps links to pages synchronised by default (the translation links the original page), and
    when such a link is translated it sets the translated page as its base ``Page`` (the model its
    ``translation_key`` is on), which a plain foreign key to a specific page model refuses. This one takes it."""

    forward_related_accessor_class = SpecificPageDescriptor
