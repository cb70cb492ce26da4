"""The competitions in the admin («Конкурсы»: entries with the jury's scores, results) with the entries' permission
policy (competitions.viewsets.JuryPolicy), and indicator 10 as the portal counts it (competitions.indicator)."""

from wagtail import hooks
from wagtail.permissions import register_permission_policy

from . import indicator
from .models import Entry
from .viewsets import CompetitionsGroup, JuryPolicy

register_permission_policy(Entry, JuryPolicy(Entry))


@hooks.register("register_admin_viewset")
def register_competitions():
    return CompetitionsGroup()


@hooks.register("register_portal_count")
def competitions_count():
    """Indicator 10 as the portal counts it (competitions.indicator)."""
    return indicator.HELD
