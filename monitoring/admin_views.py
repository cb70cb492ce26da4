"""Admin screen: upload a year's observations, see every problem by row, then write them; and the XLSX
template to fill in."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from portal.admin_import import import_screen
from portal.import_templates import template_response

from .exchange import COLUMNS, may_import


class ObservationImportForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("CSV or XLSX file"),
        help_text=gettext_lazy(
            "Best filled in from the template. Columns: Показатель, Муниципальное образование (or «Хабаровский "
            "край»), Год, Числитель, Знаменатель, Источник, Комментарий. UTF-8 or Windows-1251 CSV, «;» or «,»."
        ),
    )


def _check_permission(request):
    if not may_import(request.user):
        raise PermissionDenied


def import_view(request):
    _check_permission(request)
    return import_screen(
        request,
        ObservationImportForm(request.POST or None, request.FILES or None),
        importer="monitoring.exchange.run_import",
        may_import="monitoring.exchange.may_import",
        options=lambda data: {},
        title=_("Import observations"),
        explanation=_(
            "The file is checked first: every problem is listed by row. Nothing is written unless the whole file is "
            "correct. A row for an indicator, district and year that already has a value becomes a correction: the "
            "earlier value stays in the history."
        ),
        templates=[(_("observations"), reverse("monitoring_import_template"))],
    )


def template_view(request):
    _check_permission(request)
    return template_response(COLUMNS, "monitoring-observations.xlsx", title=_("Import observations"))
