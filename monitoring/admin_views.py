"""Admin screen: upload a year's observations, see every problem by row, then write them."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .exchange import ImportFileError, load_dataset, run_import


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
    report = None
    form = ObservationImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            dataset = load_dataset(upload.read(), upload.name)
        except ImportFileError as error:
            form.add_error("file", str(error))
        else:
            report = run_import(dataset, user=request.user, dry_run=not form.cleaned_data["write"])
            if report.written:
                messages.success(request, _("The file was imported: %(rows)s rows.") % {"rows": report.rows})
            elif report.ok:
                messages.info(request, _("No problems found. Tick «write» and upload the file again to import it."))
            else:
                messages.error(
                    request, _("Problems found: %(count)s. Nothing was written.") % {"count": len(report.problems)}
                )
    return render(request, "monitoring/admin/import.html", {"form": form, "report": report})
