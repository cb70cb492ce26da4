import re

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from portal import views
from portal.api import api_router
from portal.former_addresses import former_routes
from search import views as search_views
from teachers import views as teacher_views

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", api_router.urls),
    path("sitemap.xml", views.sitemap, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("favicon.ico", views.favicon, name="favicon"),
]

if settings.SERVE_MEDIA:  # make run and make dev; in production the proxy or the storage serves media
    urlpatterns.append(re_path(rf"^{re.escape(settings.MEDIA_URL.lstrip('/'))}(?P<path>.*)$", views.public_media))

# Russian at the root, English under /en/.
urlpatterns += i18n_patterns(
    path("search/", search_views.search, name="search"),
    path("search/suggest/", search_views.suggest, name="search_suggest"),
    path("accessibility/", views.accessibility_statement, name="accessibility_statement"),
    path("accessibility/settings/", views.accessibility_settings, name="accessibility_settings"),
    path("organizatsiiam/registratsiia/", include("partners.urls")),
    path("pedagogam/registratsiia/", include("teachers.urls")),
    path("pedagogam/ispolzuem/<int:kit_id>/", teacher_views.KitInUseView.as_view(), name="kit_in_use"),
    path("studentam/", include("resumes.urls")),
    path("privacy/", views.privacy, name="privacy"),
    path("feedback/mistake/", include("feedback.urls")),
    path("sitemap/", views.site_map, name="site_map"),
    path("manifest.webmanifest", views.manifest, name="manifest"),
    # The addresses above as first written, in another transliteration than the portal's: e-mailed links.
    *former_routes(
        "organizatsiyam/registratsiya/",
        "pedagogam/registratsiya/",
        "studentam/registratsiya/",
        "studentam/kabinet/rezyume/",
    ),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

handler404 = "portal.views.page_not_found"
handler500 = "portal.views.server_error"
