"""The survey as a visitor answers it, and its results: counts of every answer to the questions with choices, as a
chart with a table beside it. Free-text answers are not published (a person could be recognised by them); the
editors read them, with everything else, in the admin's «Forms» and export them as CSV or XLSX."""

import datetime
from collections import Counter

from django.conf import settings
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers

from monitoring.charts import bar_chart
from portal.limits import exceeded, too_many_requests

from .questions import CHOICE_KINDS, COOKIE_SALT, options_of

ANSWER_REMEMBERED = datetime.timedelta(days=365)  # how long the browser remembers it has answered


def survey(page, request):
    """GET: the questions (or «you have answered» with the way to the results). POST: one answer per browser and a
    limit per address; a valid answer is stored without anything of the person and the browser remembers it."""
    context = {"answered": page.answered(request)}
    status = 200
    if context["answered"]:
        status = 409 if request.method == "POST" else 200
    elif request.method == "POST":
        if exceeded(request, "survey-answer", count=True):
            return too_many_requests(request)
        form = page.get_form(request.POST, page=page, user=request.user)
        if form.is_valid():
            page.process_form_submission(form)
            response = TemplateResponse(request, "surveys/survey_page_landing.html", page.get_context(request))
            response.set_signed_cookie(
                page.cookie_name,
                "1",
                salt=COOKIE_SALT,
                max_age=int(ANSWER_REMEMBERED.total_seconds()),
                secure=settings.SESSION_COOKIE_SECURE,
                httponly=True,
                samesite="Lax",
            )
            return response
        context["form"], status = form, 400
    else:
        context["form"] = page.get_form(page=page, user=request.user)
    response = TemplateResponse(request, page.get_template(request), {**page.get_context(request), **context})
    response.status_code = status
    return response


def results(page, request):
    """Counts per answer of each question with choices (an answer of several boxes counts in each), from every
    stored answer; never cached, as answers come in all the time."""
    if not page.results_public:
        raise Http404
    questions = [q for q in page.questions.all() if q.field_type in CHOICE_KINDS]
    answers = [submission.form_data for submission in page.get_submissions().only("form_data")]
    tables = []
    for number, question in enumerate(questions, 1):
        counts = Counter()
        for data in answers:
            given = data.get(question.clean_name)
            for value in given if isinstance(given, list) else [given]:
                if value not in (None, ""):
                    counts[str(value)] += 1
        rows = [(label, counts[value]) for value, label in options_of(question)]
        answered = sum(1 for data in answers if data.get(question.clean_name) not in (None, "", []))
        tables.append(
            {"question": question, "rows": rows, "chart": bar_chart(rows), "id": f"q{number}", "answered": answered}
        )
    context = {**page.get_context(request), "tables": tables, "total": len(answers)}
    response = TemplateResponse(request, "surveys/results.html", context)
    add_never_cache_headers(response)
    return response
