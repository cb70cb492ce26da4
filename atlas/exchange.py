"""Spreadsheets in and out of the atlas, with django-import-export.

Import is a dry run first, reporting every problem by row and column; only a file without a single problem
is written, in one transaction (all or nothing). Rows are matched by their ``slug`` (derived from the name
when the column is empty), so importing the same file twice changes nothing. Files from Russian offices
are accepted as they come: XLSX, or CSV in UTF-8 (with or without BOM) or cp1251, separated by «;», «,» or
tabs, with decimal commas and spaces in numbers.
"""

import json
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from import_export import fields, resources, widgets
from slugify import slugify
from wagtail.models import Locale, Page, PageLogEntry, Revision

from portal.addresses import public_url

from .models import (
    AtlasIndexPage,
    EducationalOrganization,
    Employer,
    InvestmentProject,
    MunicipalDistrict,
    ProfessionPage,
    SchoolSubject,
    Sector,
    Specialty,
)
from .models.pages import DEMAND_LEVELS, KLIMOV_TYPES
from .models.snippets import LEVELS

PAGE_TREE_FIELDS = ["path", "depth", "numchild", "url_path", "draft_title", "content_type", "translation_key"]
LICENCE = "CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)"


# -- widgets: what an office spreadsheet writes --------------------------------------------------------------
def russian_locale():
    return Locale.objects.get(language_code="ru")


class RublesWidget(widgets.IntegerWidget):
    """«45 000», «45000,00», «45 000 ₽»: a whole number of roubles, never negative."""

    def clean(self, value, row=None, **kwargs):
        if value is None or str(value).strip() == "":
            return None
        text = str(value).replace("\xa0", "").replace(" ", "").replace("₽", "").replace("руб.", "").replace(",", ".")
        try:
            number = round(float(text))
        except ValueError:
            raise ValueError(_("«%(value)s» is not an amount of roubles.") % {"value": value}) from None
        if number < 0 or number > 10_000_000:
            raise ValueError(_("%(value)s ₽ is not a plausible monthly salary.") % {"value": number})
        return number


class ChoiceWidget(widgets.Widget):
    """A choice given as its code («spo»), its label («Среднее профессиональное (СПО)»), a usual abbreviation
    («СПО») or with another dash («человек-техника»)."""

    def __init__(self, choices, aliases=None, **kwargs):
        super().__init__(**kwargs)
        self.choices = choices
        self.aliases = {self.normal(key): code for key, code in (aliases or {}).items()}

    @staticmethod
    def normal(text):
        return " ".join(str(text).lower().replace("–", "-").replace("—", "-").replace(" - ", "-").split())

    def clean(self, value, row=None, **kwargs):
        text = self.normal(value or "")
        if not text:
            return ""
        if text in self.aliases:
            return self.aliases[text]
        for code, label in self.choices:
            if text in (code.lower(), self.normal(label)):
                return code
        allowed = ", ".join(code for code, _label in self.choices)
        raise ValueError(_("«%(value)s» is not one of: %(allowed)s.") % {"value": text, "allowed": allowed})

    def render(self, value, obj=None, **kwargs):
        return value or ""


class YesNoWidget(widgets.BooleanWidget):
    TRUE_VALUES = ["1", 1, True, "true", "TRUE", "True", "да", "Да", "ДА", "yes", "Yes"]
    FALSE_VALUES = ["0", 0, False, "false", "FALSE", "False", "нет", "Нет", "НЕТ", "no", "No"]

    def clean(self, value, row=None, **kwargs):
        if value in ("", None):
            return False
        return super().clean(value, row, **kwargs)


class NameWidget(widgets.ForeignKeyWidget):
    """A link to another record by its name, in the Russian locale; an unknown name is an error."""

    def get_queryset(self, value, row, *args, **kwargs):
        return self.model.objects.filter(locale__language_code="ru")

    def clean(self, value, row=None, **kwargs):
        if not str(value or "").strip():
            return None
        found = self.get_queryset(value, row).filter(**{self.field: str(value).strip()}).first()
        if found is None:
            raise ValueError(
                _("«%(value)s» is not in «%(model)s».")
                % {"value": value, "model": self.model._meta.verbose_name_plural}
            )
        return found


class NamesWidget(widgets.ManyToManyWidget):
    """Several links by name, separated by «;»."""

    def __init__(self, model, field="name", **kwargs):
        super().__init__(model, separator=";", field=field, **kwargs)

    def clean(self, value, row=None, **kwargs):
        names = [part.strip() for part in str(value or "").split(";") if part.strip()]
        queryset = self.model.objects.all()
        if hasattr(self.model, "locale"):
            queryset = queryset.filter(locale__language_code="ru")
        found = {str(getattr(obj, self.field)): obj for obj in queryset.filter(**{f"{self.field}__in": names})}
        missing = [name for name in names if name not in found]
        if missing:
            raise ValueError(
                _("Not found in «%(model)s»: %(names)s.")
                % {"model": self.model._meta.verbose_name_plural, "names": "; ".join(missing)}
            )
        return [found[name] for name in names]

    def render(self, value, obj=None, **kwargs):
        return "; ".join(str(getattr(item, self.field)) for item in value.all()) if value is not None else ""


# -- resources -----------------------------------------------------------------------------------------------
class AtlasResource(resources.ModelResource):
    """Shared: rows are matched by slug in the Russian locale; a missing slug comes from the name."""

    name_column = "name"

    class Meta:
        import_id_fields = ("slug",)
        skip_unchanged = True
        report_skipped = True
        clean_model_instances = True
        use_transactions = True

    def get_queryset(self):
        return self._meta.model.objects.filter(locale__language_code="ru")

    def before_import_row(self, row, **kwargs):
        if not (row.get("slug") or "").strip():
            row["slug"] = slugify(str(row.get(self.name_column) or ""), max_length=100, word_boundary=True)

    def init_instance(self, row=None):
        return self._meta.model(locale=russian_locale())

    def import_instance(self, instance, row, **kwargs):
        """Also checks the many-to-many columns up front, so a row reports all its problems at once
        (django-import-export would only reach them after the rest of the row was valid)."""
        errors = {}
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        for column in self.get_import_fields():
            if isinstance(column.widget, widgets.ManyToManyWidget) and column.column_name in row:
                try:
                    column.clean(row)
                except ValueError as error:
                    errors[column.attribute] = [ValidationError(str(error), code="invalid")]
        if errors:
            raise ValidationError(errors)

    def save_m2m(self, instance, row, **kwargs):
        super().save_m2m(instance, row, **kwargs)
        if not self._is_dry_run(kwargs) or self._is_using_transactions(kwargs):
            instance.save()  # ParentalManyToMany fields are written when the owner is saved


def text_field(name):
    return fields.Field(attribute=name, column_name=name, widget=widgets.CharWidget(allow_blank=True))


class DistrictResource(AtlasResource):
    kind = fields.Field(attribute="kind", column_name="kind", widget=ChoiceWidget(MunicipalDistrict.KINDS))

    class Meta(AtlasResource.Meta):
        model = MunicipalDistrict
        fields = ("slug", "name", "kind", "centre", "confidence", "source")


class SectorResource(AtlasResource):
    class Meta(AtlasResource.Meta):
        model = Sector
        fields = ("slug", "name", "description", "confidence", "source")


class EmployerResource(AtlasResource):
    sector = fields.Field(attribute="sector", column_name="sector", widget=NameWidget(Sector, field="name"))
    districts = fields.Field(attribute="districts", column_name="districts", widget=NamesWidget(MunicipalDistrict))

    class Meta(AtlasResource.Meta):
        model = Employer
        fields = ("slug", "name", "sector", "districts", "city", "website", "description", "confidence", "source")


class OrganisationResource(AtlasResource):
    kind = fields.Field(attribute="kind", column_name="kind", widget=ChoiceWidget(EducationalOrganization.KINDS))
    district = fields.Field(
        attribute="district", column_name="district", widget=NameWidget(MunicipalDistrict, field="name")
    )

    class Meta(AtlasResource.Meta):
        model = EducationalOrganization
        fields = (
            "slug",
            "name",
            "short_name",
            "kind",
            "district",
            "city",
            "address",
            "website",
            "accessibility",
            "confidence",
            "source",
        )


class SpecialtyResource(AtlasResource):
    level = fields.Field(attribute="level", column_name="level", widget=ChoiceWidget(LEVELS))
    organisations = fields.Field(
        attribute="organisations", column_name="organisations", widget=NamesWidget(EducationalOrganization)
    )

    class Meta(AtlasResource.Meta):
        model = Specialty
        fields = (
            "slug",
            "code",
            "name",
            "level",
            "duration",
            "study_form",
            "organisations",
            "adapted_for",
            "confidence",
            "source",
        )


class ProfessionResource(AtlasResource):
    """Profession cards. New cards go under the atlas page; every change is published as a revision."""

    name_column = "title"
    sector = fields.Field(attribute="sector", column_name="sector", widget=NameWidget(Sector, field="name"))
    education_level = fields.Field(
        attribute="education_level",
        column_name="education_level",
        widget=ChoiceWidget(
            LEVELS,
            aliases={
                "спо": "spo",
                "во": "vo",
                "вуз": "vo",
                "профобучение": "profobuchenie",
                "профессиональное обучение": "profobuchenie",
            },
        ),
    )
    klimov_type = fields.Field(
        attribute="klimov_type",
        column_name="klimov_type",
        widget=ChoiceWidget(
            KLIMOV_TYPES,
            aliases={
                "человек-природа": "nature",
                "человек-техника": "technique",
                "человек-человек": "human",
                "человек-знаковая система": "sign",
                "человек-художественный образ": "art",
            },
        ),
    )
    demand_level = fields.Field(
        attribute="demand_level", column_name="demand_level", widget=ChoiceWidget(DEMAND_LEVELS)
    )
    is_future_profession = fields.Field(
        attribute="is_future_profession", column_name="is_future_profession", widget=YesNoWidget()
    )
    salary_min = fields.Field(attribute="salary_min", column_name="salary_min", widget=RublesWidget())
    salary_max = fields.Field(attribute="salary_max", column_name="salary_max", widget=RublesWidget())
    salary_date = fields.Field(
        attribute="salary_date", column_name="salary_date", widget=widgets.DateWidget(format=("%Y-%m-%d", "%d.%m.%Y"))
    )
    school_subjects = fields.Field(
        attribute="school_subjects", column_name="school_subjects", widget=NamesWidget(SchoolSubject, field="code")
    )
    specialties = fields.Field(attribute="specialties", column_name="specialties", widget=NamesWidget(Specialty))
    organisations = fields.Field(
        attribute="organisations", column_name="organisations", widget=NamesWidget(EducationalOrganization)
    )
    employers = fields.Field(attribute="employers", column_name="employers", widget=NamesWidget(Employer))
    investment_projects = fields.Field(
        attribute="investment_projects", column_name="investment_projects", widget=NamesWidget(InvestmentProject)
    )
    districts = fields.Field(attribute="districts", column_name="districts", widget=NamesWidget(MunicipalDistrict))

    class Meta(AtlasResource.Meta):
        model = ProfessionPage
        fields = (
            "slug",
            "title",
            "sector",
            "education_level",
            "klimov_type",
            "demand_level",
            "is_future_profession",
            "salary_min",
            "salary_max",
            "salary_source",
            "salary_date",
            "summary",
            "easy_read_summary",
            "outlook",
            "duties",
            "day_at_work",
            "working_conditions",
            "hard_skills",
            "soft_skills",
            "personal_qualities",
            "contraindications",
            "school_subjects",
            "specialties",
            "organisations",
            "employers",
            "investment_projects",
            "districts",
            "okpdtr_code",
            "okz_code",
        )
        export_order = fields

    def get_queryset(self):
        return (
            ProfessionPage.objects.filter(locale__language_code="ru")
            .select_related("sector")
            .prefetch_related(
                "school_subjects", "specialties", "organisations", "employers", "investment_projects", "districts"
            )
        )

    def init_instance(self, row=None):
        return ProfessionPage(locale=russian_locale())

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        """Field checks and the card's own rules; the tree fields are set when the page is added."""
        errors = dict(import_validation_errors or {})
        try:
            instance.clean_fields(exclude=[*errors, *PAGE_TREE_FIELDS])
            instance.check_salary()
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        if errors:
            raise ValidationError(errors)

    def do_instance_save(self, instance, is_create):
        # Saved once, with its links, in save_m2m: a new page is added to the tree there.
        instance._import_is_new = is_create

    def save_m2m(self, instance, row, **kwargs):
        resources.ModelResource.save_m2m(self, instance, row, **kwargs)  # links are set in memory
        now = timezone.now()
        instance.live, instance.has_unpublished_changes = True, False
        instance.last_published_at = now
        instance.first_published_at = instance.first_published_at or now
        if getattr(instance, "_import_is_new", False):
            atlas = AtlasIndexPage.objects.filter(locale__language_code="ru").first()
            if atlas is None:
                raise ValueError(_("Create the atlas page before importing profession cards."))
            atlas.add_child(instance=instance)
        else:
            instance.save()
        # Wagtail's full publish action costs ~50 ms a page (signals, logs, three saves); an import of a
        # thousand rows keeps its essentials: a revision per change, marked live, and a log entry.
        revision = Revision.objects.create(
            content_object=instance,
            base_content_type=instance.get_base_content_type(),
            object_str=str(instance),
            content=instance.serializable_data(),
        )
        Page.objects.filter(pk=instance.pk).update(latest_revision=revision, live_revision=revision)
        PageLogEntry.objects.log_action(instance, "wagtail.publish", revision=revision, content_changed=True)


RESOURCES = {
    "professions": ProfessionResource,
    "employers": EmployerResource,
    "organisations": OrganisationResource,
    "specialties": SpecialtyResource,
    "districts": DistrictResource,
    "sectors": SectorResource,
}


# -- the import itself ---------------------------------------------------------------------------------------
@dataclass
class ImportReport:
    """What an import found and did: problems by row and column, and the counts of each outcome."""

    problems: list = field(default_factory=list)  # (row number in the file, column, message)
    totals: dict = field(default_factory=dict)
    written: bool = False

    @property
    def ok(self):
        return not self.problems


def run_import(kind, dataset, *, dry_run=True, progress=None):
    """Check ``dataset`` and, unless ``dry_run``, write it — only if the check found nothing wrong."""
    resource = RESOURCES[kind]()
    expected = {f.column_name for f in resource.get_import_fields()}
    report = ImportReport()
    unknown = [h for h in dataset.headers if h and h not in expected]
    if unknown:
        report.problems.append(
            (
                1,
                ", ".join(unknown),
                _("Unknown columns; expected: %(columns)s.") % {"columns": ", ".join(sorted(expected))},
            )
        )
    missing = [c for c in ("title" if kind == "professions" else "name",) if c not in dataset.headers]
    if missing:
        report.problems.append((1, missing[0], _("This column is required.")))
    if report.problems:
        return report

    if progress:
        resource.after_import_row = lambda row, row_result, **kwargs: progress(1)
    # One pass: django-import-export runs every row in one transaction and rolls it back when any row has a
    # problem (rollback_on_validation_errors) or when this is only a check (dry_run).
    result = resource.import_data(
        dataset,
        dry_run=dry_run,
        raise_errors=False,
        use_transactions=True,
        rollback_on_validation_errors=True,
        collect_failed_rows=True,
    )
    report.problems = _problems(result)
    report.totals = dict(result.totals)
    report.written = report.ok and not dry_run
    return report


def _problems(result):
    problems = []
    for number, errors in result.row_errors():
        for error in errors:
            problems.append((number + 1, "", str(error.error)))
    for row in result.invalid_rows:
        for column, messages in row.field_specific_errors.items():
            problems.extend((row.number + 1, column, str(message)) for message in messages)
        problems.extend((row.number + 1, "", str(message)) for message in row.non_field_specific_errors)
    return sorted(problems, key=lambda p: (p[0], p[1]))


# -- open data -----------------------------------------------------------------------------------------------
def export_professions(atlas, fmt):
    """Every live profession card of ``atlas``, as CSV text or as a JSON-ready dict with its licence."""
    resource = ProfessionResource()
    queryset = resource.get_queryset().child_of(atlas).live().order_by("title")
    dataset = resource.export(queryset)
    if fmt == "csv":
        return "\ufeff" + dataset.export("csv"), "text/csv; charset=utf-8"
    return {
        "title": atlas.title,
        "licence": LICENCE,
        "source": public_url(atlas),
        "count": dataset.height,
        "professions": json.loads(dataset.export("json")),
    }, "application/json"
