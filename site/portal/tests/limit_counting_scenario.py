"""Run by ``test_rate_limits`` in processes of their own, as gunicorn's workers are: each counts requests of one
address against one limit in the shared cache whose settings it is given, starting at the same moment as the
others. Prints how many of its requests were let through, as JSON; the test adds them up."""

import json
import os
import sys
import time


def main(shared_cache, start_at, requests):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")
    import django

    django.setup()
    from django.conf import settings
    from django.test import RequestFactory

    from portal.limits import exceeded

    settings.CACHES = {**settings.CACHES, "shared": json.loads(shared_cache)}
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "accessibility": "10/h"}
    while time.time() < start_at:
        time.sleep(0.001)
    let_through = 0
    for _ in range(requests):
        request = RequestFactory().post("/accessibility/settings/", REMOTE_ADDR="203.0.113.77")
        if not exceeded(request, "accessibility", count=True):
            let_through += 1
    print(json.dumps({"let_through": let_through}))


if __name__ == "__main__":
    main(sys.argv[1], float(sys.argv[2]), int(sys.argv[3]))
