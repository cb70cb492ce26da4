"""A teacher's request for an account, and the district coordinators who approve them."""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal import locales
from portal.account_requests import AccountRequest
from portal.account_requests import RequestStatus as Status

# Coordinators sign in to the admin for the requests of their districts: this group opens it, and gives nothing else.
COORDINATORS_GROUP = "Координаторы педагогов"


def coordinators_group():
    group, created = Group.objects.get_or_create(name=COORDINATORS_GROUP)
    if created:
        group.permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
    return group


def confirmation_age():
    return timedelta(days=settings.TEACHER_CONFIRMATION_DAYS)


def rejected_kept():
    return timedelta(days=settings.TEACHER_REJECTED_KEPT_DAYS)


def default_language_rows():
    """``limit_choices_to`` for atlas links: the original rows (translations share their key)."""
    return {"locale__language_code": locales.default_language()}


class TeacherRequestQuerySet(models.QuerySet):
    def lapsed(self):
        """Unconfirmed requests whose link has expired."""
        return self.filter(status=Status.UNCONFIRMED, created_at__lte=timezone.now() - confirmation_age())

    def old_rejected(self):
        """Rejected requests kept long enough for the teacher to ask about the decision."""
        return self.filter(status=Status.REJECTED, decided_at__lte=timezone.now() - rejected_kept())

    def forgettable(self):
        """What the portal does not keep (SECURITY.md): lapsed unconfirmed and old rejected requests."""
        return self.lapsed() | self.old_rejected()

    def for_reviewer(self, user):
        """The requests ``user`` sees and decides: every confirmed one for editors with the «review» permission, those
        of their districts for a district's coordinator, none for anyone else. Unconfirmed ones are nobody's to
        decide, so nobody sees them."""
        confirmed = self.exclude(status=Status.UNCONFIRMED)
        if not user.is_active:
            return self.none()
        if user.has_perm("teachers.review_teacherrequest"):
            return confirmed
        return confirmed.filter(district__in=Coordinator.districts_of(user))


class TeacherRequest(AccountRequest):
    """A teacher's request for an account: who, which school and district, the e-mail address (the account's user
    name) and the state of the request. The account exists from the start, closed, with the password the teacher
    chose; approval opens it and adds it to «Педагоги»."""

    full_name = models.CharField(_("surname, first name, patronymic"), max_length=255)
    school = models.CharField(_("school"), max_length=255)
    district = models.ForeignKey(
        "atlas.MunicipalDistrict",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to=default_language_rows,
        verbose_name=_("municipal district"),
    )
    position = models.CharField(_("position or subject"), max_length=255, blank=True)
    account = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="teacher_request", verbose_name=_("account")
    )
    reason = models.TextField(_("reason for the rejection"), blank=True)

    objects = TeacherRequestQuerySet.as_manager()

    class Meta:
        verbose_name = _("teacher's account request")
        verbose_name_plural = _("teachers' account requests")
        ordering = ["-created_at"]
        permissions = [("review_teacherrequest", _("Can approve or reject teachers' accounts in every district"))]
        indexes = [models.Index(fields=["status", "district"])]

    def __str__(self):
        return f"{self.full_name} ({self.school})"


class Coordinator(models.Model):
    """A district's coordinator of career guidance: approves or rejects the accounts of the teachers of their
    districts, and sees no other district's requests. Editors appoint them (admin → «Координаторы педагогов»); the
    person needs a user account of the portal first."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="teacher_coordinator",
        verbose_name=_("user"),
    )
    districts = models.ManyToManyField(
        "atlas.MunicipalDistrict",
        related_name="+",
        limit_choices_to=default_language_rows,
        verbose_name=_("districts"),
        help_text=_("The coordinator decides the requests of teachers of these districts only."),
    )

    class Meta:
        verbose_name = _("teachers' coordinator")
        verbose_name_plural = _("teachers' coordinators")

    def __str__(self):
        return self.user.get_full_name() or self.user.get_username()

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        self.user.groups.add(coordinators_group())

    def delete(self, *args, **kwargs):
        self.user.groups.remove(coordinators_group())
        return super().delete(*args, **kwargs)

    @staticmethod
    def districts_of(user):
        """The ids of the districts ``user`` coordinates (a subquery; empty for anyone else)."""
        return Coordinator.districts.through.objects.filter(coordinator__user=user).values("municipaldistrict_id")

    @staticmethod
    def is_coordinator(user):
        return user.is_authenticated and user.is_active and Coordinator.objects.filter(user=user).exists()


class KitInUse(models.Model):
    """A school's mark that it uses an early-guidance kit of the methodological section, once a year: a signed-in
    teacher presses «Мы используем эти материалы» on the kit's page (teachers.in_use). The school and its district
    are those of the teacher's account; the portal's count of indicator 6 is the schools marked per district and
    year. Downloads are anonymous and cannot say which school took the materials; this mark can."""

    kit = models.ForeignKey(
        "methodics.MethodicalKitPage", on_delete=models.CASCADE, related_name="+", verbose_name=_("kit")
    )
    school = models.CharField(_("school"), max_length=255)
    # The school's name with case, quotes and spaces evened out, so that two teachers of one school mark it once.
    school_key = models.CharField(max_length=255, editable=False)
    district = models.ForeignKey(
        "atlas.MunicipalDistrict", on_delete=models.CASCADE, related_name="+", verbose_name=_("municipal district")
    )
    year = models.PositiveSmallIntegerField(_("year"))
    marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,  # the school's mark outlives the teacher's account
        related_name="+",
        verbose_name=_("marked by"),
    )
    marked_at = models.DateTimeField(_("marked at"), auto_now_add=True)

    class Meta:
        verbose_name = _("kit in use at a school")
        verbose_name_plural = _("kits in use at schools")
        constraints = [
            models.UniqueConstraint(fields=["kit", "district", "school_key", "year"], name="kit_in_use_once_a_year")
        ]

    def __str__(self):
        return f"{self.school}: {self.kit_id} ({self.year})"
