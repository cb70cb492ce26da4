"""How long what visitors send through the feedback form and the mistake dialog is kept (152-ФЗ: no longer than
needed): FEEDBACK_KEPT_DAYS days after it was sent, then deleted by the daily housekeeping (manage.py
forget_feedback)."""

import datetime

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from wagtail.contrib.forms.models import FormSubmission

from .models import ErrorReport, FeedbackFormPage


def keeping_limit(now=None):
    """What was sent before this moment is past its keeping time."""
    return (now or timezone.now()) - datetime.timedelta(days=settings.FEEDBACK_KEPT_DAYS)


def forget_old(now=None):
    """Delete the feedback form's submissions and the mistake reports past their keeping time; returns how many of
    each: (submissions, reports). Other form pages' submissions are not this app's to delete."""
    limit = keeping_limit(now)
    form_pages = ContentType.objects.get_for_model(FeedbackFormPage)
    submissions, _by_model = FormSubmission.objects.filter(
        page__content_type=form_pages, submit_time__lt=limit
    ).delete()
    reports, _by_model = ErrorReport.objects.filter(created_at__lt=limit).delete()
    return submissions, reports
