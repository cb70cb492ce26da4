from django.db import models
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.models import Page

SECTION_PARENTS = ["home.HomePage", "home.SectionPage"]  # where a section's own pages may stand


class PageTag(TaggedItemBase):
    """One tag table for every page type, so a collection can select pages by tag across types."""

    content_object = ParentalKey(Page, on_delete=models.CASCADE, related_name="tagged_items")
