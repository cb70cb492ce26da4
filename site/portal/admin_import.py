"""The admin screen every spreadsheet import shares: upload, see every problem by row and column, then write.
Each app gives its form (a ``file`` and a ``write`` field at least), its import function and the links to its
templates. The screen calls the same import function the management commands call."""

from django.contrib import messages
from django.shortcuts import render
from django.utils.translation import gettext as _

from portal.importing import ImportFileError, check_upload_size, problems_count


def import_screen(request, form, run, *, title, explanation, templates=()):
    """``run(content, filename, cleaned_data, dry_run=…)`` returns an ``ImportReport``; ``templates`` are
    ``(label, url)`` pairs of the XLSX templates to fill in."""
    report = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            check_upload_size(upload.size)  # before a byte of it is read
        except ImportFileError as error:
            form.add_error("file", str(error))
        else:
            report = run(upload.read(), upload.name, form.cleaned_data, dry_run=not form.cleaned_data["write"])
            if report.written:
                messages.success(request, _("The file was imported: %(rows)s rows.") % {"rows": report.rows})
            elif report.ok:
                messages.info(request, _("No problems found. Tick «write» and upload the file again to import it."))
            else:
                messages.error(request, problems_count(report))
    context = {"form": form, "report": report, "title": title, "explanation": explanation, "templates": templates}
    return render(request, "portal/admin/import.html", context)
