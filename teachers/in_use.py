"""Indicator 6 from the portal: «the share of educational organisations that updated their methodological base for
early career guidance». Downloads of the public materials are anonymous, so the portal cannot tell which schools took
them; a signed-in teacher can say so instead, pressing «Мы используем эти материалы» on the page of an early-guidance
kit (every lesson for kindergartens or grades 1–4). The school and district are those of the teacher's account, one
mark per school, kit and year (teachers.models.KitInUse).

The schools marked are counted per district and year and divided by the number of organisations the municipality
reported with its own figure of indicator 6 (monitoring.portal_counts.shares_of_reported). Taking up the portal's kit
is one way of updating the base, not the only one, and not every school that uses it will say so: the figure is a
lower bound shown beside the municipality's, never instead of it."""

import re

from django.db import transaction
from django.db.models import Count
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_tasks import task

from monitoring.portal_counts import ALL_GRADES, PortalCount, publish, shares_of_reported
from portal.account_requests import RequestStatus
from portal.groups import TEACHERS_GROUP

from .models import KitInUse

IN_USE = PortalCount(
    indicator=6,
    source="Портал «Учись и работай в Хабаровском крае»: школы, педагоги которых отметили, что используют "
    "комплекты ранней профориентации",
    caption=_("Counted by the portal: schools whose teachers marked an early-guidance kit as in use"),
    denominator=_("Educational organisations of the district (reported by the municipality)"),
    numerator=_("Schools that marked a kit as in use"),
    # xgettext:no-python-format
    share=_("Marked, % of the district's organisations"),
    note=_(
        "Signed-in teachers mark on the page of an early-guidance kit that their school uses it, once a school and "
        "year, the school as written in their account; the portal counts the schools marked and divides them by the "
        "number of organisations the municipality reported. A school that updated its base otherwise, or did not "
        "say so here, is only in the municipality's figure, so the two are shown side by side."
    ),
)


def school_key(name):
    """One school however its teachers typed it: case, «ё», quotes and spaces (also after «№») evened out."""
    text = re.sub(r"[«»\"'„“”]", "", name.casefold().replace("ё", "е"))
    return " ".join(text.replace("№", " № ").split())


def teacher_of(user):
    """The approved account request of ``user`` if they are a teacher with a school and a district, else None."""
    if not user.is_authenticated or not user.groups.filter(name=TEACHERS_GROUP).exists():
        return None
    request = getattr(user, "teacher_request", None)
    if request is None or request.status != RequestStatus.APPROVED or request.district_id is None:
        return None
    return request


def mark(kit, teacher):
    """Mark ``kit`` as in use at the school of ``teacher`` (a TeacherRequest) this year; returns the mark, the one a
    colleague made earlier if there is one."""
    in_use, created = KitInUse.objects.get_or_create(
        kit=kit,
        district_id=teacher.district_id,
        school_key=school_key(teacher.school),
        year=timezone.localdate().year,
        defaults={"school": teacher.school, "marked_by": teacher.account},
    )
    if created:
        transaction.on_commit(publish_in_use.enqueue)
    return in_use


def kit_action(request, kit, lessons):
    """The block on the page of an early-guidance kit (the hook ``methodics_kit_actions``): the button for a teacher,
    their school's mark once made, a word on signing in for everyone else. Nothing on the other kits."""
    if not kit.is_early_guidance(lessons):
        return ""
    teacher = teacher_of(request.user)
    marked = None
    if teacher is not None:
        marked = KitInUse.objects.filter(
            kit=kit,
            district_id=teacher.district_id,
            school_key=school_key(teacher.school),
            year=timezone.localdate().year,
        ).first()
    return render_to_string(
        "teachers/kit_in_use.html", {"kit": kit, "teacher": teacher, "marked": marked}, request=request
    )


def schools_in_use():
    """{(year, district id): schools} marked as using an early-guidance kit."""
    rows = KitInUse.objects.values("year", "district").annotate(schools=Count("school_key", distinct=True)).order_by()
    return {(row["year"], row["district"]): row["schools"] for row in rows}


def cells():
    """The observations to write and a comment on each denominator (monitoring.portal_counts.shares_of_reported)."""
    counted = {(year, district, ALL_GRADES): schools for (year, district), schools in schools_in_use().items()}
    return shares_of_reported(IN_USE.indicator, counted, whole="образовательных организаций")


@task()
def publish_in_use():
    """Write the observations of indicator 6 whose numbers changed; returns how many were written. Queued when a school
    marks a kit, and run daily by ``manage.py publish_kits_in_use``."""
    numbers, comments = cells()
    return publish(IN_USE, numbers, comments)
