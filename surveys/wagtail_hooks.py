"""The surveys on the monitoring page: the way to each live survey and its results."""

from django.template.loader import render_to_string
from wagtail import hooks

from portal import locales

from .models import SurveyPage


@hooks.register("monitoring_index_sections")
def surveys_block(request, page):
    surveys = SurveyPage.objects.live().filter(locale__language_code=locales.content_language()).order_by("title")
    return render_to_string("surveys/includes/monitoring.html", {"surveys": list(surveys)}, request=request)
