"""Rate limits on what anyone may send (django-ratelimit): per client address (``portal.client_address``, as
``RATELIMIT_IP_META_KEY``), counted in the shared cache (``RATELIMIT_USE_CACHE``) so that every web process and
every server counts the same requests, with the rates of ``settings.RATE_LIMITS`` by group.

A feature app limits a view with ``@limit("group")``; a request over the limit gets ``too_many_requests``, a 429
page in the visitor's language. Wagtail's own forms (sign-in, the admin's sign-in and password reset, the
password of a restricted page) are limited by their URL names in ``WagtailFormsLimitMiddleware``.
"""

from django.conf import settings
from django.shortcuts import render
from django_ratelimit import ALL
from django_ratelimit.core import get_usage
from django_ratelimit.decorators import ratelimit
from django_ratelimit.exceptions import Ratelimited

__all__ = ["ALL", "Ratelimited", "exceeded", "limit", "too_many_requests"]


def configured_rate(group, request):
    """The rate of ``group`` in ``settings.RATE_LIMITS``, read at each request (a test may change it)."""
    return settings.RATE_LIMITS[group]


def limit(group, *, method="POST", block=True):
    """Decorator: at most ``settings.RATE_LIMITS[group]`` requests of ``method`` per client address. Over it the
    visitor gets the 429 page, or with ``block=False`` the view runs with ``request.limited`` set, to answer
    in its own words."""
    return ratelimit(group=group, key="ip", rate=configured_rate, method=method, block=block)


def exceeded(request, group, *, count=False):
    """For what a decorator cannot count, such as only the wrong answers: with ``count=True``, this request is
    counted and whether it is one too many; without, whether the address has used its limit up already."""
    usage = get_usage(request, group=group, key="ip", rate=configured_rate, increment=count)
    if usage is None:  # limits off, or the shared cache did not answer (RATELIMIT_FAIL_OPEN)
        return False
    return usage["should_limit"] if count else usage["count"] >= usage["limit"]


def too_many_requests(request, exception=None):
    """``RATELIMIT_VIEW``: what a visitor over a limit sees."""
    return render(request, "429.html", status=429)


class WagtailFormsLimitMiddleware:
    """Wagtail's public forms are Wagtail's views, so they are limited here by their URL names rather than by a
    decorator (their URL patterns are not copied into the portal's)."""

    LIMITED = {
        "wagtailadmin_login": "sign-in",
        "wagtailcore_login": "sign-in",
        "wagtailadmin_password_reset": "sign-in",
        "wagtailadmin_password_reset_confirm": "sign-in",
        "wagtailcore_authenticate_with_password": "page-password",
    }

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        group = self.LIMITED.get(request.resolver_match.url_name)
        if group and request.method == "POST" and exceeded(request, group, count=True):
            return too_many_requests(request)
        return None
