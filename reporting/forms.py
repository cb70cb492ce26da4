"""The coordinator's form (a value, and for a share its denominator, per indicator of the round; a comment) and the
evidence upload. Each filled pair is checked by the monitoring's own rules for observations; a draft may leave
fields empty, a submission may not (reporting.workflow)."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from monitoring.models.observations import observation_problems
from portal.uploads import check_upload

EVIDENCE_MAX_BYTES = 10 * 1024 * 1024
EVIDENCE_EXTENSIONS = {"pdf", "xlsx", "docx", "ods", "odt", "jpg", "jpeg", "png"}
EVIDENCE_PER_REPORT = 20


class ReportForm(forms.Form):
    comment = forms.CharField(
        label=pgettext_lazy("report", "Comment"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Where the figures come from; why a value changed much since last year."),
    )

    def __init__(self, *args, report, indicators, figures, previous, **kwargs):
        kwargs.setdefault("initial", {})["comment"] = report.comment
        super().__init__(*args, **kwargs)
        self.report, self.indicators, self.previous = report, indicators, previous
        self.rows = []
        for indicator in indicators:
            figure = figures.get(indicator.pk)
            numerator = forms.IntegerField(
                label=pgettext_lazy("report", "Numerator") if indicator.is_share else pgettext_lazy("report", "Value"),
                required=False,
                min_value=0,
                initial=figure.numerator if figure else None,
                error_messages={"invalid": _("Enter a whole number."), "min_value": _("The value cannot be negative.")},
            )
            self.fields[f"numerator_{indicator.pk}"] = numerator
            if indicator.is_share:
                self.fields[f"denominator_{indicator.pk}"] = forms.IntegerField(
                    label=pgettext_lazy("report", "Denominator"),
                    required=False,
                    min_value=0,
                    initial=figure.denominator if figure else None,
                    error_messages={"invalid": _("Enter a whole number.")},
                )

    def indicator_rows(self):
        """(indicator, numerator field, denominator field or None, last year's observation or None) for the template."""
        for indicator in self.indicators:
            denominator = f"denominator_{indicator.pk}"
            yield (
                indicator,
                self[f"numerator_{indicator.pk}"],
                self[denominator] if denominator in self.fields else None,
                self.previous.get(indicator.pk),
            )

    def clean(self):
        cleaned = super().clean()
        for indicator in self.indicators:
            numerator = cleaned.get(f"numerator_{indicator.pk}")
            denominator = cleaned.get(f"denominator_{indicator.pk}") if indicator.is_share else None
            if numerator is None and denominator is None:
                continue
            problems = observation_problems(indicator, self.report.round.year, numerator, denominator)
            problems.pop("year", None)  # the round's year is checked when the round is opened
            for field, message in problems.items():
                name = f"{field}_{indicator.pk}"
                if name in self.fields and name not in self.errors:
                    self.add_error(name, message)
        return cleaned

    def values(self):
        """{indicator id: (numerator, denominator)} of the valid form."""
        return {
            indicator.pk: (
                self.cleaned_data.get(f"numerator_{indicator.pk}"),
                self.cleaned_data.get(f"denominator_{indicator.pk}") if indicator.is_share else None,
            )
            for indicator in self.indicators
        }


class EvidenceForm(forms.Form):
    file = forms.FileField(
        label=_("Evidence file"),
        help_text=_("A signed report, a protocol, a table: PDF, XLSX, DOCX, ODS, ODT, JPG or PNG, up to 10 MB."),
        error_messages={"required": _("Choose a file."), "empty": _("The file is empty.")},
    )

    def __init__(self, *args, report, **kwargs):
        super().__init__(*args, **kwargs)
        self.report = report

    def clean_file(self):
        uploaded = self.cleaned_data["file"]
        check_upload(uploaded, EVIDENCE_EXTENSIONS, EVIDENCE_MAX_BYTES)
        if self.report.evidence.count() >= EVIDENCE_PER_REPORT:
            raise forms.ValidationError(
                _("At most %(count)d files per report: remove one first.") % {"count": EVIDENCE_PER_REPORT}
            )
        return uploaded


class ReturnForm(forms.Form):
    review = forms.CharField(
        label=_("What is to be corrected"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Write what is to be corrected.")},
    )


class FiguresFileForm(forms.Form):
    file = forms.FileField(
        label=_("CSV or XLSX file"),
        help_text=_(
            "Best filled in from the template: columns Показатель, Числитель, Знаменатель, Муниципальное образование."
        ),
    )
