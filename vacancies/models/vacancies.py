"""A vacancy for young people: published by an approved organisation, or imported from «Работа России»."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.search import index

from opportunities.models.opportunities import in_default_locale
from partners.models import Organisation, Status
from portal import content_version
from portal.facets import Faceted


class Kind(models.TextChoices):
    FIRST_JOB = "first_job", _("First job")
    SUMMER = "summer", _("Summer work")
    PRACTICE = "practice", _("Practice placement")
    TARGET_TRAINING = "target_training", _("Target-training contract («целевое обучение»)")


class Source(models.TextChoices):
    ORGANISATION = "organisation", _("organisation of the portal")
    TRUDVSEM = "trudvsem", _("«Работа России»")


# Salary bands of the list's facet, by the lowest salary offered (the upper figure when only it is given).
SALARY_BANDS = [
    ("below_30", _("below 30 000 ₽"), 0, 30_000),
    ("30_50", _("30 000–50 000 ₽"), 30_000, 50_000),
    ("50_80", _("50 000–80 000 ₽"), 50_000, 80_000),
    ("above_80", _("80 000 ₽ and more"), 80_000, None),
    ("not_stated", _("not stated"), None, None),
]


def salary_band(low, high):
    figure = low or high
    if not figure:
        return "not_stated"
    return next(
        value for value, _label, first, last in SALARY_BANDS[:-1] if figure >= first and (not last or figure < last)
    )


class VacancyQuerySet(models.QuerySet):
    def listed(self, today=None):
        """What visitors see: open (published, not closed by its source, of an approved organisation for the
        portal's own) and valid today. One stored date says it (``listed_until``), so that the lists leave an expired
        vacancy by themselves, with no job to run, and OpenSearch filters exactly as the database does."""
        return self.filter(listed_until__gte=today or timezone.localdate())


class Vacancy(Faceted, index.Indexed, models.Model):
    """A vacancy open to young people without work experience: a first job, summer work, a practice placement or a
    target-training contract. An organisation writes its own in the admin; those of «Работа России» are imported
    (``vacancies.trudvsem``) and kept as the federal service has them. Visitors see it until its «valid until» date."""

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=255)
    profession = models.ForeignKey(
        "atlas.ProfessionPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to=in_default_locale,
        verbose_name=_("profession in the atlas"),
        help_text=_("The vacancy appears on this profession card of the atlas."),
    )
    # The owner: an organisation of the portal, or none for vacancies imported from «Работа России».
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.CASCADE, related_name="+", verbose_name=_("organisation")
    )
    employer = models.ForeignKey(
        "atlas.Employer",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to=in_default_locale,
        verbose_name=_("employer in the atlas"),
    )
    employer_name = models.CharField(_("employer"), max_length=255, blank=True)
    employer_inn = models.CharField(_("employer's ИНН"), max_length=12, blank=True)
    district = models.ForeignKey(
        "atlas.MunicipalDistrict",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to=in_default_locale,
        verbose_name=_("district"),
    )
    address = models.CharField(_("address"), max_length=500, blank=True)
    salary_from = models.PositiveIntegerField(_("salary from, ₽ a month"), null=True, blank=True)
    salary_to = models.PositiveIntegerField(_("salary up to, ₽ a month"), null=True, blank=True)
    schedule = models.CharField(_("schedule"), max_length=255, blank=True, help_text=_("E.g. full day, shifts, 2/2."))
    duties = models.TextField(_("duties"), blank=True)
    requirements = models.TextField(_("requirements"), blank=True)
    suitable_for = models.JSONField(
        _("suitable for"),
        default=list,
        blank=True,
        help_text=_("Disability categories the workplace and the work suit."),
    )
    valid_until = models.DateField(_("valid until"), help_text=_("The vacancy leaves the lists after this day."))
    published = models.BooleanField(
        _("published"), default=True, help_text=_("Untick to hide it from visitors without deleting it.")
    )
    source = models.CharField(
        _("source"), max_length=20, choices=Source.choices, default=Source.ORGANISATION, editable=False
    )
    source_id = models.CharField(_("identifier in the source"), max_length=100, blank=True, editable=False)
    source_url = models.URLField(_("address in the source"), max_length=500, blank=True, editable=False)
    imported_at = models.DateTimeField(_("imported"), null=True, blank=True, editable=False)
    closed_at = models.DateTimeField(_("closed by its source"), null=True, blank=True, editable=False)
    # ``valid_until`` while the vacancy is open (published, not closed, its organisation approved), else empty.
    listed_until = models.DateField(_("listed until"), null=True, blank=True, editable=False, db_index=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)

    objects = VacancyQuerySet.as_manager()

    panels = [
        FieldPanel("organisation"),  # the editors' only (vacancies.viewsets.VacancyForm)
        FieldPanel("kind"),
        FieldPanel("title"),
        FieldPanel("profession"),
        MultiFieldPanel([FieldPanel("district"), FieldPanel("address")], heading=_("Where")),
        FieldRowPanel([FieldPanel("salary_from"), FieldPanel("salary_to")], heading=_("Salary")),
        FieldPanel("schedule"),
        FieldPanel("duties"),
        FieldPanel("requirements"),
        FieldPanel("suitable_for"),
        FieldPanel("valid_until"),
        FieldPanel("published"),
    ]

    search_kind = "vacancy"
    search_fields = [
        index.SearchField("title", boost=2),
        index.SearchField("duties"),
        index.SearchField("requirements"),
        index.SearchField("employer_name"),
        index.AutocompleteField("title"),
        index.FilterField("id"),  # the database backend filters facets by id
        index.FilterField("title"),
        index.FilterField("listed_until"),
        index.FilterField("search_facet_tags"),
    ]

    class Meta:
        verbose_name = _("vacancy")
        verbose_name_plural = _("vacancies")
        ordering = ["title"]
        constraints = [
            # The import finds a vacancy again by its source's id: never two rows for one.
            models.UniqueConstraint(
                fields=["source", "source_id"], condition=~Q(source_id=""), name="one_vacancy_per_source_id"
            )
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if self.organisation_id and self.source == Source.ORGANISATION:
            # The portal's own: the employer is the organisation, as it is matched to the atlas.
            self.employer_name = self.organisation.name
            self.employer_inn = self.organisation.inn
            self.employer_id = self.organisation.employer_id
        self.listed_until = self.listing_date()
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "listed_until"}
        super().save(*args, **kwargs)

    def search_facet_tags(self):  # defined on the model itself: Wagtail names index fields after that class
        return self.tags_for_facets()

    def search_facets(self):
        """Kind, district, profession (its default-language slug), sector (the profession's, else the employer's),
        salary band and the disability categories it suits."""
        profession = self.profession
        sector = profession.sector if profession and profession.sector_id else None
        if sector is None and self.employer_id:
            sector = self.employer.sector
        return {
            **super().search_facets(),
            "type": [self.kind],
            "district": [self.district.slug] if self.district_id else [],
            "profession": [profession.slug] if profession else [],
            "sector": [sector.slug] if sector else [],
            "salary": [salary_band(self.salary_from, self.salary_to)],
            "access": list(self.suitable_for or []),
        }

    def clean(self):
        super().clean()
        errors = {}
        if self.salary_from and self.salary_to and self.salary_from > self.salary_to:
            errors["salary_to"] = _("The upper salary cannot be below the lower one.")
        if self.source == Source.ORGANISATION and self.district_id is None:
            errors["district"] = _("Choose the district where the work is.")
        if self.valid_until and self.valid_until < timezone.localdate() and self._valid_until_changed():
            errors["valid_until"] = _("This date has passed: choose today or a later day.")
        if errors:
            raise ValidationError(errors)

    def _valid_until_changed(self):
        # An expired vacancy may be edited as it stands; only a new or changed date may not be in the past.
        return self.pk is None or not type(self).objects.filter(pk=self.pk, valid_until=self.valid_until).exists()

    @property
    def is_open(self):
        return self.listed_until is not None and self.listed_until >= timezone.localdate()

    @property
    def was_public(self):
        """Whether visitors could see it at some time: imported, or of an approved organisation."""
        return self.source != Source.ORGANISATION or (
            self.organisation is not None and self.organisation.status == Status.APPROVED
        )

    def listing_date(self):
        """What ``listed_until`` should be: ``valid_until`` while open, else None."""
        if not self.published or self.closed_at is not None:
            return None
        if self.source == Source.ORGANISATION and (
            self.organisation is None or self.organisation.status != Status.APPROVED
        ):
            return None
        return self.valid_until

    @property
    def salary_label(self):
        return salary_text(self.salary_from, self.salary_to)


def salary_text(low, high):
    """«от 40 000 до 60 000 ₽», «от 40 000 ₽», «до 60 000 ₽» or empty."""
    from django.utils.translation import gettext

    def money(n):
        return f"{n:,}".replace(",", "\u00a0")

    if low and high:
        return gettext("%(low)s–%(high)s ₽") % {"low": money(low), "high": money(high)}
    if low:
        return gettext("from %(low)s ₽") % {"low": money(low)}
    if high:
        return gettext("up to %(high)s ₽") % {"high": money(high)}
    return ""


def organisation_changed(sender, instance, raw=False, **kwargs):
    """An organisation approved or its approval withdrawn: its vacancies enter or leave the lists (each saved, so that
    the search index follows); its name shows on them."""
    if raw:
        return
    vacancies = list(Vacancy.objects.filter(organisation=instance, source=Source.ORGANISATION))
    for vacancy in vacancies:
        vacancy.organisation = instance
        if vacancy.listing_date() != vacancy.listed_until or vacancy.employer_name != instance.name:
            vacancy.save()
    if vacancies:
        content_version.bump_on_commit()
