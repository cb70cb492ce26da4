"""Production: HTTPS everywhere behind a TLS-terminating proxy, secure cookies, HSTS.

Every value can be overridden from the environment for deployments that differ.
"""

from django.core.exceptions import ImproperlyConfigured

from portal.local_secret import secret_key_problem

from .base import *
from .base import SECRET_KEY, env

# A weak or copied key lets anyone forge sessions, signed links and tokens: refuse to start rather than warn.
if problem := secret_key_problem(SECRET_KEY):
    raise ImproperlyConfigured(
        f"{problem}. Production needs a long random key of its own, e.g. from "
        "`python -c 'import secrets; print(secrets.token_urlsafe(50))'`."
    )

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=False)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "SAMEORIGIN"  # Wagtail's preview opens pages in an iframe of the admin

# `check --deploy` warnings we accept, each for a reason:
# - W019: X_FRAME_OPTIONS is SAMEORIGIN, not DENY, because Wagtail's live preview shows the page in an
#   iframe of the admin on the same origin. Other origins still cannot frame the site.
# - W021: HSTS preload is a commitment for the whole domain and its subdomains that only the ministry's
#   domain owner can make; turn it on with SECURE_HSTS_PRELOAD=true once they have.
SILENCED_SYSTEM_CHECKS = ["security.W019"]
if not SECURE_HSTS_PRELOAD:
    SILENCED_SYSTEM_CHECKS.append("security.W021")
