"""Spreadsheets in and out of the atlas, with django-import-export.

``run_import`` is the one import function of every atlas kind (profession cards, employers, organisations,
specialties, districts, sectors); the admin screen and ``import_atlas`` both call it. A file is checked row by
row; only a file without a single problem is written, in one transaction (all or nothing). Rows are matched
by their slug (derived from the name when the column is empty or missing), so importing the same file twice
changes nothing. Files are taken as offices send them (portal.importing): Russian headings or the machine
names, names of sectors and districts as people write them, «65 000,00», dates as 31.12.2025.

Problems of django-import-export (its widgets, the model's checks, a failed save) are translated into the
portal's report: row, column heading, value, a Russian message; none of its own texts reach a user.

An import runs with the rights of the person who started it (``may_import`` says who may; the import command
runs with the operator's, all of them): a new record of reference data needs the model's add permission, a
changed one its change permission. Profession cards follow Wagtail's page permissions under the atlas: someone
who may publish there publishes, someone who may only edit saves drafts that go to the «Модерация» workflow,
the live cards staying as they were. Every revision and log entry names that person.
"""

import datetime
import logging

import tablib
from django.apps import apps
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import DatabaseError
from django.utils import timezone, translation
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy
from import_export import fields, resources, widgets
from wagtail.log_actions import log
from wagtail.models import Page, PageLogEntry, Revision, WorkflowState

from portal import locales
from portal.addresses import public_url
from portal.importing import Column, normal_name, parse_number, run_table_import
from portal.slugs import slug_for
from portal.spreadsheets import csv_text

from .lookups import DistrictLookup, Lookup
from .models.pages import DEMAND_LEVELS, KLIMOV_TYPES, ProfessionPage, items, lines
from .models.snippets import (
    CONFIDENCE,
    LEVELS,
    EducationalOrganization,
    Employer,
    InvestmentProject,
    MunicipalDistrict,
    SchoolSubject,
    Sector,
    Specialty,
)

logger = logging.getLogger(__name__)

PAGE_TREE_FIELDS = ["path", "depth", "numchild", "url_path", "draft_title", "content_type", "translation_key"]
LICENCE = "CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)"
DATE_FORMATS = ("%d.%m.%Y", "%Y-%m-%d", "%d/%m/%Y", "%d.%m.%y")


class RowProblem(ValueError):
    """A problem of a row, worded for the person who sent the file."""


# -- widgets: what an office spreadsheet writes --------------------------------------------------------------
class PeopleWidgetMixin:
    """Exports for people (``for_people``) show labels, «да», 31.12.2025; exports for programs show codes."""

    for_people = False


class TextWidget(PeopleWidgetMixin, widgets.CharWidget):
    """Text; a number typed into an Excel cell (an ОКЗ code) stays the digits people see."""

    def __init__(self, **kwargs):
        super().__init__(allow_blank=True, **kwargs)

    def clean(self, value, row=None, **kwargs):
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        return "" if value is None else str(value).strip()


class ItemsWidget(PeopleWidgetMixin, widgets.Widget):
    """A card's list (duties, skills, …) in one cell, one item per line, as offices have always typed it."""

    def clean(self, value, row=None, **kwargs):
        return lines(TextWidget().clean(value))

    def render(self, value, obj=None, **kwargs):
        return "\n".join(items(value)) if value is not None else ""


class ItemsField(fields.Field):
    """Sets the list only when its items differ: unchanged items keep their block ids, so a file repeating
    the card changes nothing (skip_unchanged compares the stream, ids included) and translations keep their
    segments."""

    def __init__(self, name, widget=None):
        super().__init__(attribute=name, column_name=name, widget=widget or ItemsWidget())

    def save(self, instance, row, is_m2m=False, **kwargs):
        texts = self.clean(row, **kwargs)
        if texts != items(getattr(instance, self.attribute)):
            setattr(instance, self.attribute, [("item", text) for text in texts])


ALSO_CALLED_MAX_LENGTH = 100  # characters of one everyday name


class NamesListWidget(PeopleWidgetMixin, widgets.Widget):
    """A card's everyday names in one cell, separated by «;» (or line breaks): «медсестра; медбрат». Every fault
    of the cell is reported at once: an empty name between two separators, a name too long to be a name."""

    def clean(self, value, row=None, **kwargs):
        text = TextWidget().clean(value)
        if not text:
            return []
        parts = [part.strip() for part in text.replace("\n", ";").split(";")]
        if parts and not parts[-1]:
            parts.pop()  # a trailing «;» is how some people end a list
        problems = []
        if any(not part for part in parts):
            problems.append(_("An empty name between two «;»."))
        problems.extend(
            _("«%(name)s…» is longer than %(limit)s characters.") % {"name": part[:20], "limit": ALSO_CALLED_MAX_LENGTH}
            for part in parts
            if len(part) > ALSO_CALLED_MAX_LENGTH
        )
        if problems:
            raise RowProblem(" ".join(problems))
        return list(dict.fromkeys(parts))

    def render(self, value, obj=None, **kwargs):
        return "; ".join(items(value)) if value is not None else ""


class RublesWidget(PeopleWidgetMixin, widgets.IntegerWidget):
    """«45 000», «65 000,00», «45 000 ₽»: a whole number of roubles, never negative."""

    def clean(self, value, row=None, **kwargs):
        try:
            number = parse_number(value)
        except ValueError:
            raise RowProblem(_("This is not an amount of roubles.")) from None
        if number is None:
            return None
        number = round(number)
        if number < 0 or number > 10_000_000:
            raise RowProblem(_("%(value)s ₽ is not a plausible monthly salary.") % {"value": number})
        return number

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else value


class DateWidget(PeopleWidgetMixin, widgets.Widget):
    """A date from an Excel date cell, «31.12.2025» or «2025-12-31»."""

    def clean(self, value, row=None, **kwargs):
        if value in (None, ""):
            return None
        if isinstance(value, datetime.datetime):
            return value.date()
        if isinstance(value, datetime.date):
            return value
        for date_format in DATE_FORMATS:
            try:
                return datetime.datetime.strptime(str(value).strip(), date_format).date()
            except ValueError:
                continue
        raise RowProblem(_("This is not a date; write it as 31.12.2025."))

    def render(self, value, obj=None, **kwargs):
        if not value:
            return ""
        return value.strftime("%d.%m.%Y") if self.for_people else value.isoformat()


class ChoiceWidget(PeopleWidgetMixin, widgets.Widget):
    """A choice given as its code («spo»), its label in Russian or English («Среднее профессиональное (СПО)»),
    a usual abbreviation («СПО») or with another dash («человек-техника»)."""

    def __init__(self, choices, aliases=None, default="", **kwargs):
        super().__init__(**kwargs)
        self.choices, self.default = choices, default
        self.aliases = {normal_name(key): code for key, code in (aliases or {}).items()}

    def known(self):
        if getattr(self, "_known", None) is None:
            self._known = self._names()
        return self._known

    def _names(self):
        names = dict(self.aliases)
        for language in reversed(locales.languages()):  # the default language last: its labels win
            with translation.override(language):
                names.update({normal_name(label): code for code, label in self.choices})
        names.update({code.lower(): code for code, _label in self.choices})
        return names

    def labels(self):
        return [str(label) for _code, label in self.choices]

    def clean(self, value, row=None, **kwargs):
        text = normal_name(value)
        if not text:
            return self.default
        code = self.known().get(text)
        if code is None:
            raise RowProblem(_("Not one of: %(allowed)s.") % {"allowed": "; ".join(self.labels())})
        return code

    def render(self, value, obj=None, **kwargs):
        if self.for_people:
            return str(dict(self.choices).get(value, value or ""))
        return value or ""


class YesNoWidget(PeopleWidgetMixin, widgets.Widget):
    YES = {"1", "да", "д", "yes", "y", "true", "истина", "+"}
    NO = {"", "0", "нет", "н", "no", "n", "false", "ложь", "-"}

    def clean(self, value, row=None, **kwargs):
        text = normal_name("" if value is None else value)
        if text in self.YES or value is True:
            return True
        if text in self.NO or value is False:
            return False
        raise RowProblem(_("Write «да» or «нет»."))

    def render(self, value, obj=None, **kwargs):
        if self.for_people:
            return _("yes") if value else _("no")
        return bool(value)


def _one(found, value, model):
    if not found:
        raise RowProblem(_("Not in «%(model)s».") % {"model": model._meta.verbose_name_plural})
    if len(found) > 1:
        raise RowProblem(
            _("Fits several records of «%(model)s»: %(names)s. Write the full name.")
            % {"model": model._meta.verbose_name_plural, "names": "; ".join(str(record) for record in found)}
        )
    return found[0]


class NameWidget(PeopleWidgetMixin, widgets.ForeignKeyWidget):
    """A link to another record by its name, in the Russian locale; an unknown or ambiguous name is reported."""

    def __init__(self, model, field="name", **kwargs):
        super().__init__(model, field=field, **kwargs)
        self.lookup = None

    def make_lookup(self):
        return Lookup(self.model.objects.filter(locale__language_code=locales.default_language()), (self.field,))

    def clean(self, value, row=None, **kwargs):
        if not str(value or "").strip():
            return None
        self.lookup = self.lookup or self.make_lookup()
        return _one(self.lookup.find(value), value, self.model)


class DistrictWidget(NameWidget):
    def __init__(self, **kwargs):
        super().__init__(MunicipalDistrict, **kwargs)

    def make_lookup(self):
        return DistrictLookup()


class NamesWidget(PeopleWidgetMixin, widgets.ManyToManyWidget):
    """Several links by name, separated by «;» or by line breaks."""

    def __init__(self, model, fields=("name",), **kwargs):
        super().__init__(model, separator=";", field=fields[0], **kwargs)
        self.fields = fields
        self.lookup = None

    def make_lookup(self):
        queryset = self.model.objects.all()
        if hasattr(self.model, "locale"):
            queryset = queryset.filter(locale__language_code=locales.default_language())
        return Lookup(queryset, self.fields)

    @staticmethod
    def names(value):
        return [part.strip() for part in str(value or "").replace("\n", ";").split(";") if part.strip()]

    def clean(self, value, row=None, **kwargs):
        self.lookup = self.lookup or self.make_lookup()
        found, problems = {}, []
        for name in self.names(value):
            try:
                record = self.find(name)
            except RowProblem as error:
                problems.append(f"«{name}»: {error}")
                continue
            for one in record if isinstance(record, list) else [record]:
                found.setdefault(one.pk, one)
        if problems:
            raise RowProblem(" ".join(problems))
        return list(found.values())

    def find(self, name):
        return _one(self.lookup.find(name), name, self.model)

    def render(self, value, obj=None, **kwargs):
        return "; ".join(str(getattr(item, self.field)) for item in value.all()) if value is not None else ""


class DistrictsWidget(NamesWidget):
    """Districts as people write them; «все районы края» is every district."""

    def __init__(self, **kwargs):
        super().__init__(MunicipalDistrict, **kwargs)

    def make_lookup(self):
        return DistrictLookup()

    def find(self, name):
        if self.lookup.means_every_district(name):
            return self.lookup.every_district()
        return _one(self.lookup.find(name), name, self.model)


# -- resources -----------------------------------------------------------------------------------------------
def text_field(name):
    return fields.Field(attribute=name, column_name=name, widget=TextWidget())


def choice_field(name, choices, **kwargs):
    return fields.Field(attribute=name, column_name=name, widget=ChoiceWidget(choices, **kwargs))


LEVEL_ALIASES = {
    "спо": "spo",
    "во": "vo",
    "вуз": "vo",
    "высшее": "vo",
    "среднее профессиональное": "spo",
    "профобучение": "profobuchenie",
    "профессиональное обучение": "profobuchenie",
}


class AtlasResource(resources.ModelResource):
    """Shared: rows are matched by slug in the Russian locale; a missing slug comes from the name. Built with
    ``for_people=True``, its exports have Russian headings and labels instead of codes."""

    name_column = "name"
    name_aliases = ()  # what offices call the name column of this kind

    class Meta:
        import_id_fields = ("slug",)
        skip_unchanged = True
        report_skipped = True
        clean_model_instances = True
        use_transactions = True
        skip_html_diff = True
        widgets = {}

    def __init__(self, *, for_people=False, user=None, **kwargs):
        super().__init__(**kwargs)
        self.for_people = for_people
        self.user = user  # who imports; None: the import command, with the operator's rights
        for field in self.fields.values():  # copies made for this resource by django-import-export
            if not isinstance(field.widget, PeopleWidgetMixin):
                field.widget = TextWidget()
            field.widget.for_people = for_people

    def get_queryset(self):
        return self._meta.model.objects.filter(locale__language_code=locales.default_language())

    def get_export_headers(self, selected_fields=None):
        if not self.for_people:
            return super().get_export_headers(selected_fields)
        headings = {column.key: str(column.heading) for column in self.columns()}
        return [headings[field.column_name] for field in self.get_export_fields(selected_fields)]

    @classmethod
    def columns(cls):
        """The columns as people see them: heading, aliases, help, drop-down lists."""
        return [COLUMN_TEXTS[name].column(cls, name) for name in cls._meta.fields]

    def init_instance(self, row=None):
        return self._meta.model(locale=locales.default_locale())

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

    def save_instance(self, instance, is_create, row, **kwargs):
        self.check_rights(instance, is_create)
        instance._import_is_new = is_create
        super().save_instance(instance, is_create, row, **kwargs)

    def check_rights(self, instance, is_create):
        """A row its importer may not write is a problem of the file, reported when the file is checked."""
        if self.user is None:
            return
        meta = self._meta.model._meta
        action = "add" if is_create else "change"
        if not self.user.has_perm(f"{meta.app_label}.{action}_{meta.model_name}"):
            message = _("You may not add to «%(model)s».") if is_create else _("You may not change «%(model)s».")
            raise RowProblem(message % {"model": meta.verbose_name_plural})

    def save_m2m(self, instance, row, **kwargs):
        super().save_m2m(instance, row, **kwargs)
        if not self._is_dry_run(kwargs) or self._is_using_transactions(kwargs):
            instance.save()  # ParentalManyToMany fields are written when the owner is saved
            action = "wagtail.create" if instance._import_is_new else "wagtail.edit"
            log(instance, action, user=self.user, content_changed=True)


class SnippetResource(AtlasResource):
    confidence = choice_field("confidence", CONFIDENCE, default="high")
    source = text_field("source")


class DistrictResource(SnippetResource):
    name_aliases = ("муниципальное образование", "наименование муниципального образования", "район")
    kind = choice_field("kind", MunicipalDistrict.KINDS, default="district")

    class Meta(AtlasResource.Meta):
        model = MunicipalDistrict
        fields = ("slug", "name", "kind", "centre", "confidence", "source")


class SectorResource(SnippetResource):
    name_aliases = ("наименование отрасли", "отрасль", "отрасль экономики")

    class Meta(AtlasResource.Meta):
        model = Sector
        fields = ("slug", "name", "description", "confidence", "source")


class EmployerResource(SnippetResource):
    name_aliases = ("работодатель", "наименование работодателя", "предприятие", "организация")
    sector = fields.Field(attribute="sector", column_name="sector", widget=NameWidget(Sector))
    districts = fields.Field(attribute="districts", column_name="districts", widget=DistrictsWidget())

    class Meta(AtlasResource.Meta):
        model = Employer
        fields = ("slug", "name", "sector", "districts", "city", "website", "description", "confidence", "source")


class OrganisationResource(SnippetResource):
    name_aliases = ("образовательная организация", "наименование организации", "учебное заведение", "организация")
    kind = choice_field(
        "kind", EducationalOrganization.KINDS, default="spo", aliases={"спо": "spo", "поо": "spo", "вуз": "vo"}
    )
    district = fields.Field(attribute="district", column_name="district", widget=DistrictWidget())

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


class SpecialtyResource(SnippetResource):
    name_aliases = ("специальность", "наименование специальности", "профессия/специальность", "профессия")
    level = choice_field("level", LEVELS, default="spo", aliases=LEVEL_ALIASES)
    study_form = choice_field(
        "study_form", Specialty.FORMS, default="full_time", aliases={"очная": "full_time", "заочная": "part_time"}
    )
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
    """Profession cards. New cards go under the atlas page. Each change is a revision in the importer's name:
    published when they may publish the card, otherwise a draft sent to moderation."""

    name_column = "title"
    sector = fields.Field(attribute="sector", column_name="sector", widget=NameWidget(Sector))
    education_level = choice_field("education_level", LEVELS, default="spo", aliases=LEVEL_ALIASES)
    klimov_type = choice_field(
        "klimov_type",
        KLIMOV_TYPES,
        aliases={
            "человек-природа": "nature",
            "человек-техника": "technique",
            "человек-человек": "human",
            "человек-знаковая система": "sign",
            "человек-художественный образ": "art",
        },
    )
    demand_level = choice_field(
        "demand_level",
        DEMAND_LEVELS,
        default="medium",
        aliases={"высокая": "high", "средняя": "medium", "низкая": "low"},
    )
    is_future_profession = fields.Field(
        attribute="is_future_profession", column_name="is_future_profession", widget=YesNoWidget()
    )
    salary_min = fields.Field(attribute="salary_min", column_name="salary_min", widget=RublesWidget())
    salary_max = fields.Field(attribute="salary_max", column_name="salary_max", widget=RublesWidget())
    salary_date = fields.Field(attribute="salary_date", column_name="salary_date", widget=DateWidget())
    school_subjects = fields.Field(
        attribute="school_subjects",
        column_name="school_subjects",
        widget=NamesWidget(SchoolSubject, fields=("code", "name")),
    )
    specialties = fields.Field(
        attribute="specialties", column_name="specialties", widget=NamesWidget(Specialty, fields=("name", "code"))
    )
    organisations = fields.Field(
        attribute="organisations",
        column_name="organisations",
        widget=NamesWidget(EducationalOrganization, fields=("name", "short_name")),
    )
    employers = fields.Field(attribute="employers", column_name="employers", widget=NamesWidget(Employer))
    investment_projects = fields.Field(
        attribute="investment_projects", column_name="investment_projects", widget=NamesWidget(InvestmentProject)
    )
    districts = fields.Field(attribute="districts", column_name="districts", widget=DistrictsWidget())
    also_called = ItemsField("also_called", NamesListWidget())
    duties = ItemsField("duties")
    hard_skills = ItemsField("hard_skills")
    soft_skills = ItemsField("soft_skills")
    personal_qualities = ItemsField("personal_qualities")
    contraindications = ItemsField("contraindications")

    class Meta(AtlasResource.Meta):
        model = ProfessionPage
        fields = (
            "slug",
            "title",
            "also_called",
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
            ProfessionPage.objects.filter(locale__language_code=locales.default_language())
            .select_related("sector")
            .prefetch_related(
                "school_subjects", "specialties", "organisations", "employers", "investment_projects", "districts"
            )
        )

    def init_instance(self, row=None):
        return ProfessionPage(locale=locales.default_locale())

    def get_instance(self, instance_loader, row):
        """What a row changes: for someone who may publish the card, the card as it is live (what they publish
        is the live card with the file's values, never a draft they have not seen); for someone who may not, the
        card as last edited (a draft waiting for moderation, say), so that a file repeating it changes nothing."""
        page = super().get_instance(instance_loader, row)
        has_draft = page is not None and page.has_unpublished_changes and page.latest_revision_id
        if has_draft and not self.publishes(page, is_new=False):
            return page.latest_revision.as_object()
        return page

    @cached_property
    def atlas(self):
        return russian_atlas()

    def check_rights(self, instance, is_create):
        if self.user is None:
            return
        if is_create:
            # Without an atlas page, save_m2m says to create it first.
            if self.atlas is not None and not self.atlas.permissions_for_user(self.user).can_add_subpage():
                raise RowProblem(_("You may not add profession cards to the atlas."))
        elif not instance.permissions_for_user(self.user).can_edit():
            raise RowProblem(_("You may not edit this profession card."))

    def publishes(self, instance, is_new):
        if self.user is None:
            return True
        if is_new:
            return self.atlas.permissions_for_user(self.user).can_publish_subpage()
        return instance.permissions_for_user(self.user).can_publish()

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        """Field checks and the card's own rules; the tree fields are set when the page is added."""
        errors = dict(import_validation_errors or {})
        # Each check on its own: a field that fails does not hide the card's rules (every fault of a row at once).
        exclude = [*errors, *PAGE_TREE_FIELDS]
        for check in (lambda: instance.clean_fields(exclude=exclude), instance.check_salary):
            try:
                check()
            except ValidationError as error:
                errors = error.update_error_dict(errors)
        if errors:
            raise ValidationError(errors)

    def do_instance_save(self, instance, is_create):
        pass  # saved once, with its links, in save_m2m: a new page is added to the tree there

    def save_m2m(self, instance, row, **kwargs):
        resources.ModelResource.save_m2m(self, instance, row, **kwargs)  # links are set in memory
        is_new = instance._import_is_new
        if is_new and self.atlas is None:
            raise RowProblem(_("Create the atlas page before importing profession cards."))
        dry_run = self._is_dry_run(kwargs)
        if self.publishes(instance, is_new):
            self.publish(instance, is_new, dry_run=dry_run)
        else:
            self.save_draft(instance, is_new, dry_run=dry_run)

    def publish(self, instance, is_new, *, dry_run):
        was_in_moderation = not is_new and instance.has_unpublished_changes
        now = timezone.now()
        instance.live, instance.has_unpublished_changes = True, False
        instance.draft_title = instance.title
        instance.last_published_at = now
        instance.first_published_at = instance.first_published_at or now
        if is_new:
            instance.owner = self.user  # Wagtail logs the creation in the owner's name
            self.atlas.add_child(instance=instance)
        else:
            instance.save()
        # Wagtail's full publish action costs ~50 ms a page (signals, logs, three saves); an import of a
        # thousand rows keeps its essentials: a revision per change, marked live, and log entries.
        revision = Revision.objects.create(
            content_object=instance,
            base_content_type=instance.get_base_content_type(),
            object_str=str(instance),
            content=instance.serializable_data(),
            user=self.user,
        )
        Page.objects.filter(pk=instance.pk).update(
            latest_revision=revision, live_revision=revision, latest_revision_created_at=revision.created_at
        )
        PageLogEntry.objects.log_action(
            instance, "wagtail.publish", user=self.user, revision=revision, content_changed=True
        )
        if was_in_moderation and not dry_run and (state := instance.current_workflow_state):
            state.cancel(user=self.user)  # published: as Wagtail's publish does (WAGTAIL_WORKFLOW_CANCEL_ON_PUBLISH)

    def save_draft(self, instance, is_new, *, dry_run):
        """The change of someone who may edit the card but not publish it: a revision in their name, sent to
        moderation as the editor's «Submit for moderation» does; what visitors see stays as it was."""
        if is_new:
            instance.live, instance.has_unpublished_changes, instance.owner = False, True, self.user
            self.atlas.add_child(instance=instance)  # logged by Wagtail as created by its owner
            instance.save_revision(user=self.user, clean=False)
        else:
            # Only the revision and the page's draft fields are written, never the live row or its links.
            instance.save_revision(user=self.user, log_action=True, clean=False)
        if dry_run:
            return  # no workflow (nor its e-mails) for a check that is rolled back
        state = instance.current_workflow_state
        if state is None:
            workflow = instance.get_workflow()
            if workflow is not None:
                workflow.start(instance, self.user)
        elif state.status == WorkflowState.STATUS_NEEDS_CHANGES:
            state.resume(self.user)
        # Already in moderation: the moderators review its latest revision, this one.


def russian_atlas():
    # From the app registry: the atlas index page imports this module for its open-data route.
    return (
        apps.get_model("atlas", "AtlasIndexPage")
        .objects.filter(locale__language_code=locales.default_language())
        .first()
    )


RESOURCES = {
    "professions": ProfessionResource,
    "employers": EmployerResource,
    "organisations": OrganisationResource,
    "specialties": SpecialtyResource,
    "districts": DistrictResource,
    "sectors": SectorResource,
}
KIND_LABELS = {
    "professions": gettext_lazy("profession cards"),
    "employers": gettext_lazy("employers"),
    "organisations": gettext_lazy("educational organisations"),
    "specialties": gettext_lazy("specialties"),
    "districts": gettext_lazy("municipal districts"),
    "sectors": gettext_lazy("sectors"),
}


# -- columns as people name them -----------------------------------------------------------------------------
def names_of(model, field="name"):
    return lambda: list(
        model.objects.filter(locale__language_code=locales.default_language())
        .order_by(field)
        .values_list(field, flat=True)
        .distinct()
    )


class Text:
    """How people name a column and what the template says of it; the drop-down list comes from the widget."""

    def __init__(self, heading, help="", aliases=(), choices=None):
        self.heading, self.help, self.aliases, self.choices = heading, help, aliases, choices

    def column(self, resource, key):
        widget = resource.fields[key].widget
        choices = self.choices
        if choices is None and isinstance(widget, ChoiceWidget):
            choices = widget.labels
        elif choices is None and isinstance(widget, YesNoWidget):
            choices = lambda: [_("yes"), _("no")]  # noqa: E731
        aliases = self.aliases
        if key == resource.name_column:
            aliases = (*aliases, *resource.name_aliases)
        return Column(
            key=key,
            heading=self.heading,
            help=self.help,
            aliases=aliases,
            required=key == resource.name_column,
            choices=choices,
            multiple=isinstance(widget, (widgets.ManyToManyWidget, NamesListWidget)),
        )


NAME_ALIASES = ("название", "наименование", "полное наименование", "полное название")
COLUMN_TEXTS = {
    "slug": Text(
        pgettext_lazy("spreadsheet column", "Address (slug)"),
        gettext_lazy("Latin letters, digits and hyphens. Leave empty for a new record: it is made from the name."),
        ("slug", "адрес страницы", "идентификатор"),
    ),
    "name": Text(
        pgettext_lazy("spreadsheet column", "Name"),
        gettext_lazy("The full name, as it should appear on the site."),
        NAME_ALIASES,
    ),
    "title": Text(
        pgettext_lazy("spreadsheet column", "Profession name"),
        gettext_lazy("The name of the profession, as it should appear on the card."),
        (*NAME_ALIASES, "профессия", "наименование профессии", "название профессии"),
    ),
    "also_called": Text(
        pgettext_lazy("spreadsheet column", "Also called"),
        gettext_lazy("The everyday names people search for, separated by «;»: «медсестра; медбрат»."),
        ("также называют", "другие названия", "разговорные названия", "синонимы"),
    ),
    "sector": Text(
        pgettext_lazy("spreadsheet column", "Sector"),
        gettext_lazy("A sector of the atlas, by its name."),
        ("отрасль экономики", "отрасль", "сфера", "направление", "сфера деятельности"),
        names_of(Sector),
    ),
    "districts": Text(
        pgettext_lazy("spreadsheet column", "Municipal districts"),
        gettext_lazy("As people write them («г. Хабаровск», «район имени Лазо»); «все районы края» means every one."),
        ("муниципальные образования", "районы", "муниципальные районы", "районы края", "территории", "территория"),
        names_of(MunicipalDistrict),
    ),
    "district": Text(
        pgettext_lazy("spreadsheet column", "Municipal district"),
        gettext_lazy("As people write it («г. Комсомольск-на-Амуре», «Хабаровск»)."),
        ("муниципальное образование", "район", "муниципальный район", "территория"),
        names_of(MunicipalDistrict),
    ),
    "kind": Text(pgettext_lazy("spreadsheet column", "Kind"), "", ("вид", "тип")),
    "centre": Text(
        pgettext_lazy("spreadsheet column", "Administrative centre"), "", ("центр", "административный центр")
    ),
    "confidence": Text(
        pgettext_lazy("spreadsheet column", "Confidence"),
        gettext_lazy("Empty means confirmed by a source."),
        ("достоверность",),
    ),
    "source": Text(
        pgettext_lazy("spreadsheet column", "Sources"),
        gettext_lazy("Addresses of the sources, one per line."),
        ("источник", "источники"),
    ),
    "description": Text(pgettext_lazy("spreadsheet column", "Description"), "", ("описание", "краткое описание")),
    "city": Text(pgettext_lazy("spreadsheet column", "City"), "", ("город", "населенный пункт")),
    "website": Text(
        pgettext_lazy("spreadsheet column", "Website"),
        gettext_lazy("The full address, https://…"),
        ("сайт", "адрес сайта"),
    ),
    "short_name": Text(
        pgettext_lazy("spreadsheet column", "Short name"), "", ("краткое наименование", "сокращенное наименование")
    ),
    "address": Text(pgettext_lazy("spreadsheet column", "Address"), "", ("адрес", "почтовый адрес")),
    "accessibility": Text(
        pgettext_lazy("spreadsheet column", "Conditions for students with disabilities"),
        "",
        ("условия для лиц с овз", "доступная среда"),
    ),
    "code": Text(
        pgettext_lazy("spreadsheet column", "Specialty code"),
        gettext_lazy("As in the standard: 15.01.05."),
        ("код", "код специальности"),
    ),
    "level": Text(pgettext_lazy("spreadsheet column", "Education level"), "", ("уровень", "уровень образования")),
    "duration": Text(
        pgettext_lazy("spreadsheet column", "Duration of study"),
        gettext_lazy("e.g. «2 г. 10 мес.»"),
        ("срок обучения",),
    ),
    "study_form": Text(pgettext_lazy("spreadsheet column", "Form of study"), "", ("форма обучения",)),
    "organisations": Text(
        pgettext_lazy("spreadsheet column", "Educational organisations"),
        gettext_lazy("By their full or short names."),
        ("образовательные организации", "где учиться", "учебные заведения", "организации"),
        names_of(EducationalOrganization),
    ),
    "adapted_for": Text(
        pgettext_lazy("spreadsheet column", "Adapted for"),
        gettext_lazy("Disability category codes, comma-separated."),
        (),
    ),
    "education_level": Text(
        pgettext_lazy("spreadsheet column", "Education level"),
        "",
        ("уровень образования", "образование", "требуемое образование", "уровень"),
    ),
    "klimov_type": Text(
        pgettext_lazy("spreadsheet column", "Interest type (Klimov)"),
        "",
        ("тип профессии", "тип по климову", "тип профессии по климову"),
    ),
    "demand_level": Text(
        pgettext_lazy("spreadsheet column", "Demand in the krai"), "", ("востребованность", "спрос", "потребность")
    ),
    "is_future_profession": Text(
        pgettext_lazy("spreadsheet column", "Profession of the future"), "", ("профессия будущего",)
    ),
    "salary_min": Text(
        pgettext_lazy("spreadsheet column", "Salary from, ₽ a month"),
        gettext_lazy("Roubles a month; spaces and kopecks are fine (65 000,00)."),
        ("зарплата от", "заработная плата от", "зп от", "минимальная зарплата", "зарплата минимальная"),
    ),
    "salary_max": Text(
        pgettext_lazy("spreadsheet column", "Salary up to, ₽ a month"),
        gettext_lazy("Roubles a month; spaces and kopecks are fine (65 000,00)."),
        ("зарплата до", "заработная плата до", "зп до", "максимальная зарплата", "зарплата максимальная"),
    ),
    "salary_source": Text(
        pgettext_lazy("spreadsheet column", "Salary source"), "", ("источник сведений о зарплате", "источник зарплаты")
    ),
    "salary_date": Text(
        pgettext_lazy("spreadsheet column", "Salary as of"),
        gettext_lazy("A date: 31.12.2025."),
        ("дата сведений о зарплате", "дата зарплаты", "зарплата на дату"),
    ),
    "summary": Text(
        pgettext_lazy("spreadsheet column", "Summary"), "", ("описание", "краткое описание", "о профессии")
    ),
    "easy_read_summary": Text(
        pgettext_lazy("spreadsheet column", "Easy-read summary"), "", ("описание простым языком", "легко читать")
    ),
    "outlook": Text(pgettext_lazy("spreadsheet column", "Outlook"), "", ("перспективы",)),
    "duties": Text(
        pgettext_lazy("spreadsheet column", "Duties"),
        gettext_lazy("One per line."),
        ("обязанности", "трудовые функции"),
    ),
    "day_at_work": Text(pgettext_lazy("spreadsheet column", "A day at work"), "", ("рабочий день",)),
    "working_conditions": Text(pgettext_lazy("spreadsheet column", "Working conditions"), "", ("условия труда",)),
    "hard_skills": Text(
        pgettext_lazy("spreadsheet column", "Professional skills"), gettext_lazy("One per line."), ("навыки",)
    ),
    "soft_skills": Text(
        pgettext_lazy("spreadsheet column", "Soft skills"), gettext_lazy("One per line."), ("гибкие навыки",)
    ),
    "personal_qualities": Text(
        pgettext_lazy("spreadsheet column", "Personal qualities"), gettext_lazy("One per line."), ("качества",)
    ),
    "contraindications": Text(
        pgettext_lazy("spreadsheet column", "Medical contraindications"),
        gettext_lazy("One per line."),
        ("противопоказания",),
    ),
    "school_subjects": Text(
        pgettext_lazy("spreadsheet column", "School subjects"),
        gettext_lazy("By name or code."),
        ("предметы", "учебные предметы"),
    ),
    "specialties": Text(
        pgettext_lazy("spreadsheet column", "Specialties"),
        gettext_lazy("By name or code."),
        ("специальности", "специальности обучения"),
        names_of(Specialty),
    ),
    "employers": Text(
        pgettext_lazy("spreadsheet column", "Employers"), "", ("работодатели", "предприятия"), names_of(Employer)
    ),
    "investment_projects": Text(
        pgettext_lazy("spreadsheet column", "Investment projects"),
        "",
        ("инвестпроекты", "инвестиционные проекты"),
        names_of(InvestmentProject),
    ),
    "okpdtr_code": Text(pgettext_lazy("spreadsheet column", "ОКПДТР code"), "", ("окпдтр", "код по окпдтр")),
    "okz_code": Text(pgettext_lazy("spreadsheet column", "ОКЗ code"), "", ("окз", "код по окз")),
}


# -- the import itself ---------------------------------------------------------------------------------------
def _reference_kinds(user):
    """The kinds of reference data ``user`` may import: with the model's add or change permission."""
    return [
        kind
        for kind, resource in RESOURCES.items()
        if kind != "professions"
        and any(
            user.has_perm(f"{resource._meta.model._meta.app_label}.{action}_{resource._meta.model._meta.model_name}")
            for action in ("add", "change")
        )
    ]


def importable_kinds(user):
    """The kinds ``user`` may import: reference data (``_reference_kinds``); profession cards for someone who may
    import reference data and add or edit pages under the atlas (an editor of «Редакторы» may edit pages, but the
    import is not theirs unless they are given a kind of reference data)."""
    kinds = _reference_kinds(user)
    if kinds and user.is_active:
        atlas = russian_atlas()
        if atlas is None:
            cards = user.is_superuser  # told to create the atlas page first
        else:
            tester = atlas.permissions_for_user(user)
            cards = tester.can_add_subpage() or tester.can_edit()
        if cards:
            kinds.insert(0, "professions")
    return kinds


def may_import(user, options=None):
    """The access check of the atlas import (portal.admin_import): any kind, or the kind of ``options``."""
    if options is None:
        return bool(_reference_kinds(user))  # every admin page asks, for its menu: without the atlas's query
    return options.get("kind") in importable_kinds(user)


def run_import(content: bytes, filename: str, options: dict, *, dry_run: bool, progress=None, user=None):
    """The one import of the atlas: ``options["kind"]`` names what the file holds (a key of RESOURCES).
    Checks every row and, unless ``dry_run``, writes the file — only when nothing is wrong with it — with the
    rights of ``user`` (None: the import command, with all of them)."""
    kind = options["kind"]
    resource_class = RESOURCES[kind]

    def import_rows(rows, report, *, write, progress):
        if user is not None and not may_import(user, options):
            report.add(None, "", "", _("You may not import %(kind)s.") % {"kind": KIND_LABELS[kind]})
            return report
        if kind == "professions" and user is not None and not _may_publish_cards(user):
            report.notes.append(
                _(
                    "You may not publish in the atlas: new and changed cards are saved as drafts and sent to "
                    "moderation; visitors see them once a moderator approves them."
                )
            )
        return _import_rows(resource_class, rows, report, write, progress, user)

    return run_table_import(
        content,
        filename,
        resource_class.columns(),
        import_rows,
        kind=kind,
        label=KIND_LABELS[kind],
        dry_run=dry_run,
        progress=progress,
    )


def _may_publish_cards(user):
    atlas = russian_atlas()
    return atlas is None or atlas.permissions_for_user(user).can_publish_subpage()


def _import_rows(resource_class, rows, report, write, progress, user):
    resource = resource_class(user=user)
    headings = {column.key: report.heading(column) for column in resource_class.columns()}
    keys = ["slug", *[key for key in (rows[0][1] if rows else {}) if key != "slug"]]
    dataset = tablib.Dataset(headers=keys)
    numbers, slugs = [], {}
    for number, cells in rows:
        name = cells.get(resource.name_column)
        slug = str(cells.get("slug") or "").strip() or slug_for(str(name or ""), max_length=100)
        if slug and slug in slugs:
            column = "slug" if cells.get("slug") else resource.name_column
            report.add(number, headings[column], cells.get(column), _("Repeats row %(row)s.") % {"row": slugs[slug]})
        slugs.setdefault(slug, number)
        dataset.append([slug, *[cells.get(key) for key in keys[1:]]])
        numbers.append((number, cells))

    def after_row(row, row_result, **kwargs):
        progress.step()

    resource.after_import_row = after_row
    result = resource.import_data(
        dataset,
        dry_run=not (write and report.ok),
        raise_errors=False,
        use_transactions=True,
        rollback_on_validation_errors=True,
    )
    for index, errors in result.row_errors():
        number, cells = numbers[index - 1]
        for error in errors:
            report.add(number, "", "", _row_error_message(error.error))
    for invalid in result.invalid_rows:
        number, cells = numbers[invalid.number - 1]
        unnamed = not str(cells.get(resource.name_column) or "").strip()
        if unnamed:  # one problem, not three (the name, and the slug that would have been made of it)
            report.add(number, headings[resource.name_column], "", _("The name is required."))
        for attribute, messages in invalid.error_dict.items():
            if unnamed and attribute in ("slug", resource.name_column):
                continue
            key = attribute if attribute in headings and attribute != NON_FIELD_ERRORS else ""
            for message in messages:
                report.add(number, headings.get(key, ""), cells.get(key) if key else "", message)
    totals = result.totals
    report.count("created", n=totals.get("new", 0))
    report.count("updated", n=totals.get("update", 0))
    report.count("unchanged", n=totals.get("skip", 0))
    report.written = write and report.ok and not result.has_errors() and not result.has_validation_errors()
    return report


def _row_error_message(error):
    if isinstance(error, RowProblem):
        return str(error)
    if isinstance(error, DatabaseError):
        logger.warning("Atlas import: a row could not be saved: %r", error)
        return _("The row could not be saved: it conflicts with another record (the same address or name?).")
    logger.error("Atlas import: unexpected error in a row", exc_info=error)
    return _("The row could not be saved because of an error in the portal.")


# -- exports -------------------------------------------------------------------------------------------------
def export_rows(kind, queryset=None, *, for_people=True):
    """A tablib Dataset of ``queryset`` (every record of the kind by default): Russian headings and labels
    for people, machine names and codes for programs."""
    resource = RESOURCES[kind](for_people=for_people)
    return resource.export(resource.get_queryset() if queryset is None else queryset)


def export_professions(atlas, fmt):
    """Every live profession card of ``atlas``: CSV for people (Russian headings and labels, «;»-separated
    with a BOM, as a Russian Excel opens it — and as the import reads it back), or a JSON-ready dict for
    programs (machine keys and codes, with a ``fields`` dictionary of what each key means and the licence)."""
    queryset = ProfessionResource().get_queryset().child_of(atlas).live().order_by("title")
    if fmt == "csv":
        dataset = export_rows("professions", queryset)
        # No text may open as a formula (django-import-export's own escaping only drops a leading «=»);
        # the import takes the «'» off again, so the file still imports back unchanged.
        safe = tablib.Dataset(*[[csv_text(value) for value in row] for row in dataset], headers=dataset.headers)
        return "\ufeff" + safe.export("csv", delimiter=";"), "text/csv; charset=utf-8"
    dataset = export_rows("professions", queryset, for_people=False)
    return {
        "title": atlas.title,
        "licence": LICENCE,
        "source": public_url(atlas),
        "count": dataset.height,
        "fields": {column.key: str(column.heading) for column in ProfessionResource.columns()},
        "professions": dataset.dict,
    }, "application/json"
