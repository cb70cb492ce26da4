"""The admin screen for spreadsheet import: upload, see every problem by row and column, then write."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from portal.admin_import import import_screen

from .exchange import run_import

KIND_LABELS = {
    "professions": gettext_lazy("profession cards"),
    "employers": gettext_lazy("employers"),
    "organisations": gettext_lazy("educational organisations"),
    "specialties": gettext_lazy("specialties"),
    "districts": gettext_lazy("municipal districts"),
    "sectors": gettext_lazy("sectors"),
}


class ImportForm(forms.Form):
    kind = forms.ChoiceField(label=gettext_lazy("What the file holds"), choices=list(KIND_LABELS.items()))
    file = forms.FileField(
        label=gettext_lazy("CSV or XLSX file"),
        help_text=gettext_lazy(
            "UTF-8 or Windows-1251, separated by «;» or «,»; the first row names the columns, as in the atlas's export."
        ),
    )
    write = forms.BooleanField(label=gettext_lazy("Write the data if the check finds no problem"), required=False)


def import_view(request):
    if not request.user.has_perm("atlas.add_employer"):
        raise PermissionDenied
    return import_screen(
        request,
        ImportForm(request.POST or None, request.FILES or None),
        lambda dataset, data, dry_run: run_import(data["kind"], dataset, dry_run=dry_run),
        title=_("Import into the atlas"),
        explanation=_(
            "The file is checked first: every problem is listed by row and column. Nothing is written unless the "
            "whole file is correct; rows are matched by the «slug» column, so the same file imported twice changes "
            "nothing."
        ),
    )
