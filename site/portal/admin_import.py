"""The admin screen every spreadsheet import shares: upload, see every problem by row and column, then write.
Each app gives its form (a ``file`` and a ``write`` field at least) and a function that checks — and, when
asked and the check finds nothing, writes — the rows."""

from django.contrib import messages
from django.shortcuts import render
from django.utils.translation import gettext as _

from portal.spreadsheets import ImportFileError, load_dataset


def import_screen(request, form, run, *, title, explanation):
    """``run(dataset, cleaned_data, dry_run)`` returns a report with ``problems``, ``ok`` and ``written``."""
    report = rows = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            dataset = load_dataset(upload.read(), upload.name)
        except ImportFileError as error:
            form.add_error("file", str(error))
        else:
            rows = dataset.height
            report = run(dataset, form.cleaned_data, dry_run=not form.cleaned_data["write"])
            if report.written:
                messages.success(request, _("The file was imported: %(rows)s rows.") % {"rows": rows})
            elif report.ok:
                messages.info(request, _("No problems found. Tick «write» and upload the file again to import it."))
            else:
                messages.error(
                    request, _("Problems found: %(count)s. Nothing was written.") % {"count": len(report.problems)}
                )
    context = {"form": form, "report": report, "rows": rows, "title": title, "explanation": explanation}
    return render(request, "portal/admin/import.html", context)
