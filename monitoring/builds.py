"""The yearly monitoring report's PDF, built in the background (``portal.builds``)."""

from django.db.models import Count, Max

from portal.builds import Builder, register
from portal.pdf import pdf_bytes

from .models import Indicator, MonitoringReportPage, Observation


def report_pdf(report):
    return pdf_bytes(
        None, "monitoring/report_pdf.html", {"page": report, **report.report_context()}, title=report.title
    )


def report_version(report):
    """The report's revision and the state of the observations: a new or corrected observation is a new row
    (corrections never overwrite), a removed one lowers the count."""
    data = Observation.objects.aggregate(last=Max("pk"), count=Count("pk"))
    return f"{report.live_revision_id or 0}-{data['last'] or 0}-{data['count']}"


REPORT_PDF = register(
    Builder(
        kind="report-pdf",
        build=report_pdf,
        filename=lambda report: f"{report.title}.pdf",
        version=report_version,
        applies_to=(MonitoringReportPage,),
        depends_on=(Indicator,),
        label="PDF",
    )
)
