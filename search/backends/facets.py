"""Facet rows beside the database backend's index entries, and the facets of many objects computed at once."""

from django.contrib.contenttypes.models import ContentType
from modelsearch.backends.base import get_model_root

from search.models import IndexedFacet


class PrepareFacetsMixin:
    """Lets the model compute the facets of a whole chunk of objects together (``Faceted.prepare_search_facets``)
    before they are indexed, as ``update_index`` does, rather than with queries for each object."""

    def add_items(self, model, objs):
        if hasattr(model, "prepare_search_facets"):
            model.prepare_search_facets(objs)
        super().add_items(model, objs)


class FacetIndexMixin(PrepareFacetsMixin):
    """Keeps ``IndexedFacet`` rows beside the index entries: what OpenSearch stores as facet tags."""

    def add_items(self, model, objs):
        super().add_items(model, objs)
        if not hasattr(model, "tags_for_facets"):
            return
        content_type = ContentType.objects.get_for_model(get_model_root(model))
        IndexedFacet.objects.filter(content_type=content_type, object_id__in=[obj.pk for obj in objs]).delete()
        IndexedFacet.objects.bulk_create(
            IndexedFacet(content_type=content_type, object_id=obj.pk, tag=tag)
            for obj in objs
            for tag in obj.tags_for_facets()
        )

    def delete_item(self, item):
        super().delete_item(item)
        if hasattr(item, "tags_for_facets"):
            content_type = ContentType.objects.get_for_model(get_model_root(type(item)))
            IndexedFacet.objects.filter(content_type=content_type, object_id=item.pk).delete()

    def reset(self):
        super().reset()
        IndexedFacet.objects.all().delete()
