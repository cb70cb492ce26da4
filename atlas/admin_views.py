"""The admin screen for spreadsheet import: upload, see every problem by row and column, then write."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .exchange import ImportFileError, load_dataset, run_import

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
    report = None
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            dataset = load_dataset(upload.read(), upload.name)
        except ImportFileError as error:
            form.add_error("file", str(error))
        else:
            report = run_import(form.cleaned_data["kind"], dataset, dry_run=not form.cleaned_data["write"])
            if report.written:
                messages.success(request, _("The file was imported: %(rows)s rows.") % {"rows": dataset.height})
            elif report.ok:
                messages.info(request, _("No problems found. Tick «write» and upload the file again to import it."))
            else:
                messages.error(
                    request, _("Problems found: %(count)s. Nothing was written.") % {"count": len(report.problems)}
                )
    return render(request, "atlas/admin/import.html", {"form": form, "report": report})
