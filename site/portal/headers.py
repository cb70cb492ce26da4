"""The Content-Security-Policy a response gets: strict on every page visitors see, looser in Wagtail's admin.

The admin's own templates and widgets still write inline scripts and styles (wagtail/wagtail#1288), which no
nonce can reach, so under the admin's URL the policy is ``ADMIN_CONTENT_SECURITY_POLICY``; everywhere else it
is ``CONTENT_SECURITY_POLICY``, which allows nothing inline. A view's own policy (django-csp's decorators) wins.
"""

import base64
import hashlib
from functools import cache

from csp.middleware import CSPMiddleware
from csp.utils import default_config
from django.conf import settings
from django.urls import reverse


@cache
def admin_prefix():
    return reverse("wagtailadmin_home")


def is_admin_path(path):
    return path.startswith(admin_prefix())


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and parts.config is None and is_admin_path(request.path):
            parts.config = default_config(settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"])
        return parts


def source_hash(text):
    """The CSP source that admits one inline ``<style>`` or ``<script>`` whose content is exactly ``text``."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"
