"""PDFs made from the same templates and content as the pages, with WeasyPrint.

Every PDF is tagged (PDF/UA-1) so screen readers can read it, carries its title and language, and embeds
its fonts (Government decree No. 102 asks for tagged documents)."""

from urllib.parse import urlsplit

import pydyf
import segno
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils.http import content_disposition_header
from weasyprint import HTML

from portal import locales


def _page_references(pdf):
    """pydyf 0.13's ``PDF.page_references`` builds the tuple of every page's reference on each access, and
    WeasyPrint's PDF/UA tagging reads it once per tagged element: quadratic in the pages — 12 of 50 seconds for
    the 206-page booklet, most of the time for 600 pages. The same tuple, made again only when a page is added."""
    kids = pdf.pages["Kids"]
    cached = pdf.__dict__.get("_portal_page_references")
    if cached is None or cached[0] != len(kids):
        cached = (len(kids), tuple(f"{number} 0 R".encode("ascii") for number in kids[::3]))
        pdf.__dict__["_portal_page_references"] = cached
    return cached[1]


pydyf.PDF.page_references = property(_page_references)


def qr_svg(url):
    """An inline SVG QR code for ``url``, for the printed page to link back to the web page."""
    return segno.make(url, error="m").svg_inline(scale=3, dark="#000", light="#fff", title=url)


def offline_request():
    """A request for the site's public address as an anonymous visitor makes it: the templates of files built
    outside a request (by the worker, by the seed) resolve their links with it."""
    address = urlsplit(settings.PUBLIC_BASE_URL)
    request = HttpRequest()
    request.path = request.path_info = "/"
    request.META = {
        "HTTP_HOST": address.netloc,
        "SERVER_NAME": address.hostname,
        "SERVER_PORT": str(address.port or (443 if address.scheme == "https" else 80)),
        "wsgi.url_scheme": address.scheme,
    }
    request.user = AnonymousUser()
    return request


def pdf_bytes(request, template, context, *, title):
    """The PDF; ``request`` is None for files made outside a request (by the worker, the seed's handouts)."""
    request = request or offline_request()
    language = locales.content_language()
    html = render_to_string(template, {**context, "pdf_title": title, "pdf_language": language}, request=request)
    # Relative links in the content become links to the public site.
    document = HTML(string=html, base_url=settings.PUBLIC_BASE_URL + "/")
    return document.write_pdf(pdf_variant="pdf/ua-1", custom_metadata=True, uncompressed_pdf=False)


def render_pdf(request, template, context, *, title, filename):
    """A PDF response; ``filename`` may be Cyrillic (sent as RFC 6266 ``filename*``)."""
    response = HttpResponse(pdf_bytes(request, template, context, title=title), content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(False, filename)
    return response
