"""Sign-in lockouts (django-axes): after ``AXES_FAILURE_LIMIT`` wrong passwords in a row an account is locked,
from every address, and so is the address, for every account (``AXES_LOCKOUT_PARAMETERS``), until
``AXES_COOLOFF_TIME`` has passed or an administrator unlocks them on the admin screen here.

Axes keeps the failures in the database (its default handler), which every web process and server shares on both
tiers, which survives restarts, and which this screen can read and clear; sign-in failures are rare, so the
writes cost nothing. Its log of every successful sign-in is switched off (``AXES_DISABLE_ACCESS_LOG``): the portal
keeps no record of who signed in from where.
"""

import ipaddress
import math

from axes.models import AccessAttempt
from axes.utils import reset
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Max, Sum
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.menu import MenuItem

UNLOCK_PERMISSION = "axes.delete_accessattempt"


def locked_out(request, original_response=None, credentials=None):
    """``AXES_LOCKOUT_CALLABLE``: the portal's own page, in the visitor's language, with a 429 status."""
    minutes = math.ceil(settings.AXES_COOLOFF_TIME.total_seconds() / 60)
    return render(request, "portal/locked_out.html", {"minutes": minutes}, status=429)


def lockouts_view(request):
    """The failures of the last ``AXES_COOLOFF_TIME`` by account and by address, and a button to unlock each."""
    if not request.user.has_perm(UNLOCK_PERMISSION):
        raise PermissionDenied
    if request.method == "POST":
        _unlock(request, request.POST.get("account"), request.POST.get("address"))
        return redirect("portal_lockouts")
    recent = AccessAttempt.objects.filter(attempt_time__gte=timezone.now() - settings.AXES_COOLOFF_TIME)
    context = {
        "title": _("Sign-in lockouts"),
        "limit": settings.AXES_FAILURE_LIMIT,
        "accounts": _failures_by(recent.exclude(username=None), "username"),
        "addresses": _failures_by(recent.exclude(ip_address=None), "ip_address"),
    }
    return render(request, "portal/admin/lockouts.html", context)


def _failures_by(attempts, field):
    rows = attempts.values(field).annotate(failures=Sum("failures_since_start"), last=Max("attempt_time"))
    return [
        {
            "value": row[field],
            "failures": row["failures"],
            "last": row["last"],
            "locked": row["failures"] >= settings.AXES_FAILURE_LIMIT,
        }
        for row in rows.order_by("-last")
    ]


def _unlock(request, account, address):
    if account:
        reset(username=account)
        messages.success(request, _("The account «%(account)s» is unlocked.") % {"account": account})
    elif address:
        try:
            ipaddress.ip_address(address)
        except ValueError:
            return
        reset(ip=address)
        messages.success(request, _("The address %(address)s is unlocked.") % {"address": address})


class LockoutsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(UNLOCK_PERMISSION)


def lockouts_urls():
    return [path("lockouts/", lockouts_view, name="portal_lockouts")]


def lockouts_menu_item():
    return LockoutsMenuItem(gettext_lazy("Sign-in lockouts"), reverse("portal_lockouts"), icon_name="lock", order=900)
