"""Wagtail's read-only content API at /api/v2/ (pages, images, documents).

Changes to Wagtail's own endpoints: a page's ``html_url`` is its public address (portal.addresses, where
Wagtail would take the Site record's host); ``offset``/``limit`` out of any database's range, and NUL characters
in any parameter, are a 400 with a message, not a 500 (a 20-digit offset overflows SQLite's and PostgreSQL's
integers; PostgreSQL refuses NUL in text, as in ``?locale=%00``); ``?search=…`` answers from the database
backend while OpenSearch is unreachable, as the site search does (``portal.search_engine``)."""

from rest_framework.fields import Field
from wagtail.api.v2 import views
from wagtail.api.v2.filters import SearchFilter
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.serializers import PageAliasOfField, PageParentField, PageSerializer, get_serializer_class
from wagtail.api.v2.utils import BadRequestError
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from portal import search_engine
from portal.addresses import public_url
from portal.querytext import whole_number

# Far beyond any real listing, far below a 64-bit integer.
MAX_OFFSET = 10**9


class PublicHtmlUrlField(Field):
    def get_attribute(self, instance):
        return instance

    def to_representation(self, page):
        return public_url(page, self.context.get("request"))


class LinkedPageRepresentation:
    """The page a field links to (parent, alias_of), with the same html_url as the page itself (Wagtail builds
    it with its own PageSerializer there)."""

    def to_representation(self, value):
        serializer_class = get_serializer_class(
            value.__class__,
            ["id", "type", "detail_url", "html_url", "title"],
            meta_fields=["type", "detail_url", "html_url"],
            base=PortalPageSerializer,
        )
        return serializer_class(context=self.context).to_representation(value)


class ParentField(LinkedPageRepresentation, PageParentField):
    pass


class AliasOfField(LinkedPageRepresentation, PageAliasOfField):
    pass


class PortalPageSerializer(PageSerializer):
    html_url = PublicHtmlUrlField(read_only=True)
    parent = ParentField(read_only=True)
    alias_of = AliasOfField(read_only=True)


class BoundedPagination(WagtailPagination):
    def paginate_queryset(self, queryset, request, view=None):
        for name in ("offset", "limit"):
            raw = request.GET.get(name)
            if raw is not None and whole_number(raw, 0, MAX_OFFSET) is None:
                raise BadRequestError(f"{name} must be a whole number from 0 to {MAX_OFFSET}")
        return super().paginate_queryset(queryset, request, view)


class RefusesNulCharacters:
    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        if any("\x00" in value for _name, values in request.GET.lists() for value in values):
            raise BadRequestError("query parameters cannot contain NUL characters")


class FallbackSearchFilter(SearchFilter):
    """Wagtail's ``?search=`` filter, run on the backend the view chose for this attempt."""

    def filter_queryset(self, request, queryset, view):
        # Wagtail's own filter checks the parameters (and raises its 400s); its results are lazy, nothing is
        # sent to the default backend until they are evaluated, so they are replaced by the same search here.
        searched = super().filter_queryset(request, queryset, view)
        backend = getattr(view, "search_backend", None)
        if "search" not in request.GET or backend is None:
            return searched
        return backend.search(
            request.GET["search"],
            queryset,
            operator=request.GET.get("search_operator", None),
            order_by_relevance="order" not in request.GET,
        )


class PortalPagesAPIViewSet(RefusesNulCharacters, views.PagesAPIViewSet):
    base_serializer_class = PortalPageSerializer
    pagination_class = BoundedPagination
    filter_backends = [
        FallbackSearchFilter if backend is SearchFilter else backend
        for backend in views.PagesAPIViewSet.filter_backends
    ]

    def listing_view(self, request):
        if "search" not in request.GET:
            return super().listing_view(request)

        def on(backend):
            # The listing counts and serialises its page of results: a failing backend fails here.
            self.search_backend = backend
            return super(PortalPagesAPIViewSet, self).listing_view(request)

        return search_engine.run(on)


class PortalImagesAPIViewSet(RefusesNulCharacters, ImagesAPIViewSet):
    pagination_class = BoundedPagination


class PortalDocumentsAPIViewSet(RefusesNulCharacters, DocumentsAPIViewSet):
    pagination_class = BoundedPagination


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PortalPagesAPIViewSet)
api_router.register_endpoint("images", PortalImagesAPIViewSet)
api_router.register_endpoint("documents", PortalDocumentsAPIViewSet)
