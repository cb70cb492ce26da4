"""The endpoint of the «Нашли ошибку?» dialog (feedback/static/feedback/error-report.js). It answers in JSON: the
dialog shows its own messages, written in the page's language."""

from django.db import transaction
from django.http import JsonResponse
from django.middleware.csrf import get_token
from django.urls import reverse
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_http_methods

from portal.addresses import public_url
from portal.limits import exceeded

from . import mailing
from .forms import ErrorReportForm
from .models import ErrorReport


def never_cached(response):
    add_never_cache_headers(response)
    return response


@require_http_methods(["GET", "POST"])
def error_report(request):
    """GET: a CSRF token for the dialog (pages carry none, so that they stay cacheable: portal.page_cache). POST
    (CSRF-protected): a report, at most ``RATE_LIMITS["error-report"]`` per address; 201 when stored, 400 with the
    fields' errors, 429 over the limit."""
    if request.method == "GET":
        return never_cached(JsonResponse({"csrf": get_token(request)}))
    if exceeded(request, "error-report", count=True):
        return never_cached(JsonResponse({"error": "limited"}, status=429))
    form = ErrorReportForm(request.POST)
    if not form.is_valid():
        return never_cached(JsonResponse({"errors": form.errors.get_json_data()}, status=400))
    store(form.cleaned_data, translation.get_language())
    return never_cached(JsonResponse({"sent": True}, status=201))


@transaction.atomic
def store(data, language):
    """Keep the report and queue the editors' letter (sent only if the report is stored)."""
    report = ErrorReport.objects.create(
        page_address=data["page"], selected_text=data["selected"], comment=data["comment"], language=language
    )
    mailing.queue_to_editors(
        "feedback/mail/error_report.txt",
        {
            "report": report,
            "page_url": public_url(report.page_address),
            "link": public_url(reverse("feedback_error_reports:inspect", args=[report.pk])),
        },
    )
    return report
