"""The admin screen for spreadsheet import: upload, see every problem by row and column, then write; and the
XLSX template of each kind (with ``?data=1``, filled with the atlas's current records: the export for people)."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from portal.admin_import import import_screen
from portal.import_templates import template_response

from .exchange import KIND_LABELS, RESOURCES, export_rows, importable_kinds, may_import


class ImportForm(forms.Form):
    kind = forms.ChoiceField(label=gettext_lazy("What the file holds"))
    file = forms.FileField(
        label=gettext_lazy("CSV or XLSX file"),
        help_text=gettext_lazy(
            "Best filled in from the template of its kind. Russian headings or the machine names; UTF-8 or "
            "Windows-1251 CSV separated by «;» or «,»."
        ),
    )

    def __init__(self, *args, kinds, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [(kind, KIND_LABELS[kind]) for kind in kinds]


def import_view(request):
    kinds = importable_kinds(request.user)  # only the kinds this user may import are offered
    if not kinds:
        raise PermissionDenied
    return import_screen(
        request,
        ImportForm(request.POST or None, request.FILES or None, kinds=kinds),
        importer="atlas.exchange.run_import",
        may_import="atlas.exchange.may_import",
        options=lambda data: {"kind": data["kind"]},
        title=_("Import into the atlas"),
        explanation=_(
            "The file is checked first: every problem is listed by row and column. Nothing is written unless the "
            "whole file is correct; rows are matched by the «slug» column, so the same file imported twice changes "
            "nothing."
        ),
        templates=[(str(KIND_LABELS[kind]), reverse("atlas_import_template", args=[kind])) for kind in kinds],
    )


def template_view(request, kind):
    """With ``?data=1`` it is an export of the kind's records: for those who may import them."""
    if not may_import(request.user):
        raise PermissionDenied
    if kind not in RESOURCES:
        raise Http404
    if not may_import(request.user, {"kind": kind}):
        raise PermissionDenied
    rows = export_rows(kind) if request.GET.get("data") else ()
    label = KIND_LABELS[kind]
    return template_response(
        RESOURCES[kind].columns(),
        f"atlas-{kind}.xlsx",
        title=_("Import into the atlas: %(kind)s") % {"kind": label},
        rows=rows,
    )
