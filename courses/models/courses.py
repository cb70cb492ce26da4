"""The professional-development courses («курсы повышения квалификации») for teachers, career navigators and school
psychologists, and teachers' enrolments on them.

An enrolment is personal data of the teacher: only the course's organisers see it in the admin. Completions feed
indicator 3 of the monitoring (courses.indicator); ``COURSE_ENROLMENTS_KEPT_DAYS`` after a course has ended its
enrolments are deleted, the completed ones kept without the teacher (district and school stay for the count)
(``manage.py forget_course_enrolments``)."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.documents import get_document_model_string

from portal import locales


class CourseFormat(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    DISTANCE = "distance", _("Distance learning")
    BLENDED = "blended", _("Blended: in person and distance")


# (filter value, boolean field, label): who a course is for; a course may be for several.
AUDIENCES = [
    ("teachers", "for_teachers", _("Teachers")),
    ("navigators", "for_navigators", _("Career navigators")),
    ("psychologists", "for_psychologists", _("School psychologists")),
]


class EnrolmentStatus(models.TextChoices):
    ENROLLED = "enrolled", pgettext_lazy("enrolment status", "Enrolled")
    COMPLETED = "completed", pgettext_lazy("enrolment status", "Completed")
    WITHDRAWN = "withdrawn", pgettext_lazy("enrolment status", "Withdrawn")


TAKING_PLACES = (EnrolmentStatus.ENROLLED, EnrolmentStatus.COMPLETED)


class CourseQuerySet(models.QuerySet):
    def with_taken(self):
        """Each course with ``taken``: the places enrolled and completed teachers hold (one query for the list)."""
        return self.annotate(taken=Count("enrolments", filter=Q(enrolments__status__in=TAKING_PLACES)))

    def upcoming(self, today=None):
        """Courses not over yet, the soonest first."""
        return self.filter(ends_on__gte=today or timezone.localdate()).order_by("starts_on", "title_ru")

    def past(self, today=None):
        """Courses that have ended, the latest first."""
        return self.filter(ends_on__lt=today or timezone.localdate()).order_by("-ends_on", "title_ru")

    def organised_by(self, user):
        if not user.is_authenticated or not user.is_active:
            return self.none()
        return self.filter(organisers=user)


class Course(models.Model):
    """A course of professional development as the catalogue shows it: what, for whom, when, how many hours, where,
    the programme, and the organisers who confirm that a teacher has completed it. A course without a district is
    held for the whole krai (or at a distance)."""

    title_ru = models.CharField(_("course title"), max_length=255)
    title_en = models.CharField(_("course title in English"), max_length=255, blank=True)
    summary_ru = models.TextField(_("what the course teaches"), help_text=_("Two or three sentences for teachers."))
    summary_en = models.TextField(_("what the course teaches, in English"), blank=True)
    for_teachers = models.BooleanField(_("for teachers"), default=True)
    for_navigators = models.BooleanField(_("for career navigators"), default=False)
    for_psychologists = models.BooleanField(_("for school psychologists"), default=False)
    hours = models.PositiveSmallIntegerField(_("academic hours"))
    format = models.CharField(
        _("form of study"), max_length=10, choices=CourseFormat.choices, default=CourseFormat.DISTANCE
    )
    starts_on = models.DateField(_("first day"))
    ends_on = models.DateField(_("last day"))
    enrolment_closes_on = models.DateField(_("enrolment closes on"), help_text=_("The last day teachers may enrol."))
    enrolment_open = models.BooleanField(
        _("enrolment through the portal is open"),
        default=True,
        help_text=_("Untick to stop enrolment before the closing day (e.g. when the group is formed)."),
    )
    places = models.PositiveSmallIntegerField(
        _("places"), null=True, blank=True, help_text=_("Leave empty when the number of places is not limited.")
    )
    provider = models.CharField(
        _("organisation that holds the course"),
        max_length=255,
        help_text=_("E.g. КГАОУ ДПО «Хабаровский краевой институт развития образования» (ХК ИРО)."),
    )
    district = models.ForeignKey(
        "atlas.MunicipalDistrict",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to=locales.in_default_locale,
        verbose_name=_("district"),
        help_text=_("Leave empty for a course for the whole krai or at a distance."),
    )
    programme = models.ForeignKey(
        get_document_model_string(),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("programme (PDF)"),
    )
    organisers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="organised_courses",
        verbose_name=_("organisers"),
        help_text=_("Only these accounts see who enrolled and confirm completion."),
    )
    is_demonstration = models.BooleanField(
        _("demonstration entry"),
        default=False,
        help_text=_("The catalogue marks it: a seeded example, not a real course."),
    )

    objects = CourseQuerySet.as_manager()

    class Meta:
        ordering = ["starts_on", "title_ru"]
        verbose_name = _("course")
        verbose_name_plural = _("courses")

    def __str__(self):
        return self.title_ru

    def clean(self):
        errors = {}
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            errors["ends_on"] = _("The last day cannot come before the first day.")
        if self.enrolment_closes_on and self.ends_on and self.enrolment_closes_on > self.ends_on:
            errors["enrolment_closes_on"] = _("Enrolment must close by the course's last day.")
        if not (self.for_teachers or self.for_navigators or self.for_psychologists):
            errors["for_teachers"] = _("Tick at least one group the course is for.")
        if errors:
            raise ValidationError(errors)

    def shown_title(self):
        return locales.column_in_language(self, "title")

    def audiences(self):
        """The labels of the groups the course is for."""
        return [label for _value, field, label in AUDIENCES if getattr(self, field)]

    def places_left(self):
        """Places not taken, or None when unlimited; uses ``taken`` from ``with_taken()`` when the course has it."""
        if self.places is None:
            return None
        taken = getattr(self, "taken", None)
        if taken is None:
            taken = self.enrolments.filter(status__in=TAKING_PLACES).count()
        return max(self.places - taken, 0)

    def takes_enrolments(self, today=None):
        """Whether a teacher may enrol now, places aside."""
        return self.enrolment_open and (today or timezone.localdate()) <= self.enrolment_closes_on

    def has_ended(self, today=None):
        return self.ends_on < (today or timezone.localdate())


class EnrolmentQuerySet(models.QuerySet):
    def seen_by(self, user):
        """The enrolments ``user`` may read: those on courses they organise (editors and superusers included: keeping
        the catalogue opens no teacher's enrolment)."""
        if not user.is_authenticated or not user.is_active:
            return self.none()
        return self.filter(course__organisers=user)

    def past_keeping(self, today=None):
        """Enrolments on courses that ended more than ``COURSE_ENROLMENTS_KEPT_DAYS`` ago, except completions
        forgotten already (no account, no name)."""
        today = today or timezone.localdate()
        ended_before = today - datetime.timedelta(days=settings.COURSE_ENROLMENTS_KEPT_DAYS)
        forgotten = Q(status=EnrolmentStatus.COMPLETED, teacher__isnull=True, full_name="")
        return self.filter(course__ends_on__lt=ended_before).exclude(forgotten)


class Enrolment(models.Model):
    """A teacher's enrolment on a course. The district and school are copied from the teacher's approved account
    when they enrol, so that the completion is counted where they taught then, also after the teacher is forgotten."""

    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="enrolments", verbose_name=_("course"))
    teacher = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,  # a completion outlives the account, without the person
        related_name="course_enrolments",
        verbose_name=_("teacher"),
    )
    full_name = models.CharField(_("teacher's full name"), max_length=255, blank=True)
    district = models.ForeignKey(
        "atlas.MunicipalDistrict",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("municipal district"),
    )
    school = models.CharField(_("school"), max_length=255, blank=True)
    enrolled_at = models.DateTimeField(_("enrolled at"), default=timezone.now)
    status = models.CharField(
        pgettext_lazy("enrolment", "state"),
        max_length=10,
        choices=EnrolmentStatus.choices,
        default=EnrolmentStatus.ENROLLED,
    )
    completed_on = models.DateField(_("completed on"), null=True, blank=True)
    # Indicator 3 counts teachers, not courses: only a teacher's first completion in a calendar year counts, decided
    # when it is confirmed, so that the count survives the teacher being forgotten.
    counted = models.BooleanField(_("counted for indicator 3"), default=False, editable=False)

    objects = EnrolmentQuerySet.as_manager()

    class Meta:
        ordering = ["course", "full_name"]
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        constraints = [models.UniqueConstraint(fields=["course", "teacher"], name="one_enrolment_per_teacher")]

    def __str__(self):
        return f"{self.full_name or '—'}: {self.course}"

    def forget_on(self):
        """The day the teacher's name leaves the enrolment (the row itself unless completed)."""
        return self.course.ends_on + datetime.timedelta(days=settings.COURSE_ENROLMENTS_KEPT_DAYS + 1)

    forget_on.short_description = _("to be deleted by")
