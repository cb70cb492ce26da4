"""Wagtail's read-only content API at /api/v2/ (pages, images, documents).

``/api/v2/pages/?search=…`` answers from the database backend while OpenSearch is unreachable, as the site
search does (``portal.search_engine``)."""

from wagtail.api.v2 import views
from wagtail.api.v2.filters import SearchFilter
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from portal import search_engine


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


class PagesAPIViewSet(views.PagesAPIViewSet):
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
            return super(PagesAPIViewSet, self).listing_view(request)

        return search_engine.run(on)


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PagesAPIViewSet)
api_router.register_endpoint("images", ImagesAPIViewSet)
api_router.register_endpoint("documents", DocumentsAPIViewSet)
