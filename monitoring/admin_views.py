"""Admin screen: upload a year's observations, see every problem by row, then write them."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from portal.admin_import import import_screen

from .exchange import run_import


class ObservationImportForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("CSV or XLSX file"),
        help_text=gettext_lazy(
            "Columns: Показатель (1–10), Район (or «Хабаровский край»), Год, Числитель, Знаменатель, Источник, "
            "Комментарий. UTF-8 or Windows-1251, separated by «;» or «,»."
        ),
    )
    write = forms.BooleanField(label=gettext_lazy("Write the data if the check finds no problem"), required=False)


def import_view(request):
    if not request.user.has_perm("monitoring.add_observation"):
        raise PermissionDenied
    return import_screen(
        request,
        ObservationImportForm(request.POST or None, request.FILES or None),
        lambda dataset, data, dry_run: run_import(dataset, user=request.user, dry_run=dry_run),
        title=_("Import observations"),
        explanation=_(
            "The file is checked first: every problem is listed by row. Nothing is written unless the whole file is "
            "correct. A row for an indicator, district and year that already has a value becomes a correction: the "
            "earlier value stays in the history."
        ),
    )
