"""A student's résumé: what work the person wants and where, what they learnt and did, and how employers may reach
them. One per account, deleted with it. Nothing of it is indexed for search or cached: employers find résumés through
the database only (resumes.search), and only while ``Resume.objects.shown()`` includes them."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from partners.models import phone_validator
from portal import locales
from portal.account_requests import RequestStatus

from .. import consent
from .accounts import Consent, StudentAccount

# The links' ``limit_choices_to`` (the originals in the default language), named here because migrations refer to it.
in_default_locale = locales.in_default_locale


class DrivingLicence(models.TextChoices):
    A = "A", "A"
    B = "B", "B"
    C = "C", "C"
    D = "D", "D"
    BE = "BE", "BE"
    CE = "CE", "CE"
    M = "M", "M"
    TRACTOR = "tractor", _("tractor driver's licence")


class ExperienceKind(models.TextChoices):
    """What counts as experience for someone who has not worked yet: the plan names each of them."""

    WORK = "work", _("work, a part-time or summer job")
    PRACTICE = "practice", _("practice placement")
    TRIAL = "trial", _("professional trial")
    COMPETITION = "competition", _("competition or championship")
    ABILYMPICS = "abilympics", _("Abilympics")
    PROFESSIONALS = "professionals", _("«Professionals» (WorldSkills)")
    CLUB = "club", _("club, volunteering, project")


class ResumeQuerySet(models.QuerySet):
    def shown(self):
        """Résumés employers may see: the owner chose to show it, the account is open and confirmed, and a consent to
        the current text is in force. A withdrawn consent or an older text hides the résumé at once."""
        in_force = Consent.objects.filter(
            student=OuterRef("student"), withdrawn_at__isnull=True, version__gte=consent.CURRENT
        )
        return self.filter(
            visible=True,
            student__status=RequestStatus.CONFIRMED,
            student__account__is_active=True,
        ).filter(Exists(in_force))


class Resume(models.Model):
    student = models.OneToOneField(
        StudentAccount, on_delete=models.CASCADE, related_name="resume", verbose_name=_("student")
    )
    visible = models.BooleanField(
        _("show the résumé to verified employers"),
        default=False,
        help_text=_("Until you tick this, nobody but you sees the résumé."),
    )
    professions = models.ManyToManyField(
        "atlas.ProfessionPage",
        blank=True,
        related_name="+",
        limit_choices_to=in_default_locale,
        verbose_name=_("professions you want to work in"),
    )
    position = models.CharField(
        _("the job you are looking for, in your words"),
        max_length=200,
        blank=True,
        help_text=_("If the profession is not in the atlas, or to say it more exactly: «assistant cook», «trainee»."),
    )
    district = models.ForeignKey(
        "atlas.MunicipalDistrict",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to=in_default_locale,
        verbose_name=_("district where you want to work"),
    )
    ready_to_move = models.BooleanField(_("ready to move to another district"), default=False)
    about = models.TextField(_("about you"), blank=True, max_length=2000)
    skills = models.TextField(_("skills, one per line"), blank=True, max_length=2000)
    languages = models.CharField(_("languages"), max_length=255, blank=True)
    driving_licences = models.JSONField(_("driving licence categories"), default=list, blank=True)
    support_needs = models.TextField(_("support you need at work"), blank=True, max_length=1000)
    support_needs_shown = models.BooleanField(_("show employers the support I need"), default=False)
    phone = models.CharField(_("phone"), max_length=40, blank=True, validators=[phone_validator])
    contact_email = models.EmailField(_("e-mail for employers"), blank=True)
    contacts_shown = models.BooleanField(
        _("show my contacts to every verified employer"),
        default=False,
        help_text=_("Otherwise an employer sees them only after you accept its invitation."),
    )
    created_at = models.DateTimeField(_("written"), default=timezone.now)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    objects = ResumeQuerySet.as_manager()

    class Meta:
        verbose_name = _("résumé")
        verbose_name_plural = _("résumés")
        ordering = ["-updated_at"]
        indexes = [models.Index(fields=["visible", "district"], name="resume_visible_district")]

    def __str__(self):
        return str(self.student)

    @property
    def skills_list(self):
        return [line.strip() for line in self.skills.splitlines() if line.strip()]

    def get_driving_licences_display(self):
        labels = dict(DrivingLicence.choices)
        return ", ".join(str(labels.get(code, code)) for code in self.driving_licences)


class ResumeEducation(models.Model):
    """Where the person studies or studied: an organisation and a specialty of the atlas, or named in words when it
    is not there (another region's college, a school)."""

    resume = models.ForeignKey(Resume, on_delete=models.CASCADE, related_name="education")
    organisation = models.ForeignKey(
        "atlas.EducationalOrganization",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to=in_default_locale,
        verbose_name=_("college or university"),
    )
    organisation_name = models.CharField(_("or its name, if it is not in the list"), max_length=255, blank=True)
    specialty = models.ForeignKey(
        "atlas.Specialty",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to=in_default_locale,
        verbose_name=_("specialty"),
    )
    specialty_name = models.CharField(_("or the specialty in words"), max_length=255, blank=True)
    graduation_year = models.PositiveSmallIntegerField(
        _("year of graduation"),
        validators=[MinValueValidator(1960), MaxValueValidator(2100)],
        help_text=_("The year you finished or will finish."),
    )

    class Meta:
        verbose_name = _("education")
        verbose_name_plural = _("education")
        ordering = ["-graduation_year", "pk"]

    def __str__(self):
        return f"{self.organisation or self.organisation_name}, {self.graduation_year}"


class ResumeExperience(models.Model):
    resume = models.ForeignKey(Resume, on_delete=models.CASCADE, related_name="experience")
    kind = models.CharField(_("what it was"), max_length=15, choices=ExperienceKind.choices)
    title = models.CharField(
        _("what you did or won"), max_length=255, help_text=_("E.g. «practice in a workshop», «2nd place in welding».")
    )
    place = models.CharField(_("where"), max_length=255, blank=True)
    period = models.CharField(_("when"), max_length=60, help_text=_("A year, or months: «June–August 2025»."))
    description = models.TextField(_("what you learnt or did there"), blank=True, max_length=1000)

    class Meta:
        verbose_name = _("experience")
        verbose_name_plural = _("experience")
        ordering = ["pk"]

    def __str__(self):
        return self.title
