"""Keep the search index's report facets in step with the data: when observations change, the reports of
their years are re-indexed once, after the transaction commits (an import of 200 rows re-indexes each
affected report once, not 200 times)."""

import threading

from django.db import transaction
from wagtail.search import index

from .models import MonitoringReportPage

_pending = threading.local()


def observation_saved(sender, instance, **kwargs):
    years = getattr(_pending, "years", None)
    if years is None:
        _pending.years = years = set()
        transaction.on_commit(reindex_pending_reports)
    years.add(instance.year)


def reindex_pending_reports():
    years, _pending.years = getattr(_pending, "years", None) or set(), None
    for report in MonitoringReportPage.objects.live().filter(year__in=years):
        index.insert_or_update_object(report)
