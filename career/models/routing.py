"""What the career builder's routes share: caching and rate-limit decorators for route methods, and reading the
state the steps pass on."""

from django.utils.decorators import method_decorator
from django.views.decorators.cache import cache_control

from portal import limits

from .. import klimov, record
from ..state import Diagnosis, InvalidToken

# A student's answers, results and route, a class's code: never kept by the page cache, a proxy or the browser's
# cache for anyone else (nor on a shared school computer's disk).
personal = method_decorator(cache_control(private=True, no_store=True))


def limited(group, **options):
    """``portal.limits.limit`` for a route method (its first argument is the page, not the request)."""
    return method_decorator(limits.limit(group, **options))


def state_query(start, answers):
    return {
        "version": start["version"],
        "layout": start["layout"],
        "code": start["code"],
        "answers": klimov.format_answers(answers),
    }


def first_unanswered(answers, after=0):
    order = list(range(after, len(answers))) + list(range(after))
    return next((i + 1 for i in order if answers[i] is None), None)


def posted_nonce(request):
    value = request.POST.get("nonce", "")
    return value if record.nonce_from_form(value) else ""


def load(token):
    try:
        return Diagnosis.from_token(token)
    except InvalidToken:
        return None


def chosen_ids(values):
    try:
        ids = list(dict.fromkeys(int(value) for value in values))
    except ValueError:
        return None
    return ids if all(0 < pk < 2**31 for pk in ids) else None
