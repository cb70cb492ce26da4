"""PDFs made from the same templates and content as the pages, with WeasyPrint.

Every PDF is tagged (PDF/UA-1) so screen readers can read it, carries its title and language, and embeds
its fonts (Government decree No. 102 asks for tagged documents)."""

import segno
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import translation
from weasyprint import HTML


def qr_svg(url):
    """An inline SVG QR code for ``url``, for the printed page to link back to the web page."""
    return segno.make(url, error="m").svg_inline(scale=3, dark="#000", light="#fff", title=url)


def render_pdf(request, template, context, *, title, filename):
    language = translation.get_language() or "ru"
    html = render_to_string(template, {**context, "pdf_title": title, "pdf_language": language}, request=request)
    document = HTML(string=html, base_url=request.build_absolute_uri("/"))
    pdf = document.write_pdf(pdf_variant="pdf/ua-1", custom_metadata=True, uncompressed_pdf=False)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
