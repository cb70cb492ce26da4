from .indicators import Indicator, IndicatorTarget, MonitoringDirection
from .observations import PROGRAMME_YEARS, Observation
from .pages import MonitoringIndexPage
from .reports import MonitoringReportPage

__all__ = [
    "PROGRAMME_YEARS",
    "Indicator",
    "IndicatorTarget",
    "MonitoringDirection",
    "MonitoringIndexPage",
    "MonitoringReportPage",
    "Observation",
]
