"""What needs the editors' attention, item by item: each item is a query of the rows to fix (the dashboard counts
them, its report lists exactly them), who may see it, and the report's columns. The dashboard's cost does not grow
with the data: one query per item (the missing documents also ask the storage, file by file)."""

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, F, Min, OuterRef, Q, Subquery
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.documents import get_document_model
from wagtail.models import Page, WorkflowState
from wagtail.permissions import page_permission_policy, policy_registry
from wagtail_localize.models import Translation, TranslationLog

from atlas.models import OpenDay, ProfessionPage
from opportunities.models import Opportunity
from portal import locales
from portal.admin_import import allowed
from portal.models import ImportJob
from search.models import UnansweredQuery
from vacancies.models import Vacancy

from .models import LinkCheck

SALARY_MAX_AGE = datetime.timedelta(days=365)
WEEK = datetime.timedelta(days=7)


def today():
    return timezone.localdate()


def may_edit_pages(user):
    return page_permission_policy.user_has_any_permission(user, ["change", "publish"])


def may_publish_pages(user):
    return page_permission_policy.user_has_permission(user, "publish")


def has_perm(name):
    return lambda user: user.has_perm(name)


def anyone(user):
    return True


def page_edit_url(page_id):
    return reverse("wagtailadmin_pages:edit", args=[page_id]) if page_id else None


# Profession cards (the original language: the translations share the list of unverified fields and the sources).


def cards():
    return ProfessionPage.objects.filter(locale__language_code=locales.default_language()).order_by("title")


def cards_unconfirmed(user):
    return cards().exclude(needs_verification="")


def with_salary():
    return Q(salary_min__isnull=False) | Q(salary_max__isnull=False)


def cards_unsourced_salary(user):
    return cards().filter(with_salary(), salary_source="")


def cards_stale_salary(user):
    """A salary older than a year, or with no date at all (then nobody knows its age)."""
    old = Q(salary_date__isnull=True) | Q(salary_date__lt=today() - SALARY_MAX_AGE)
    return cards().filter(with_salary()).filter(old)


def share_of_cards_with_salary(queryset):
    """The unsourced salaries among all the cards' salaries (the issue's «59 of 60»), in one query."""
    counts = cards().aggregate(
        found=Count("pk", filter=Q(pk__in=queryset.values("pk"))), of=Count("pk", filter=with_salary())
    )
    detail = {"of": counts["of"], "share": 100 * counts["found"] / counts["of"]} if counts["of"] else None
    return counts["found"], detail


CARD_COLUMNS = [
    TitleColumn("title", label=_("Card"), get_url=lambda page: page_edit_url(page.pk)),
    Column("needs_verification", label=_("Needs verification")),
    Column("salary_source", label=_("Salary source")),
    Column("salary_date", label=_("Salary as of")),
]


# Moderation


def in_moderation(user):
    return (
        WorkflowState.objects.filter(status=WorkflowState.STATUS_IN_PROGRESS)
        .select_related("requested_by", "current_task_state__task")
        .prefetch_related("content_object")
        .order_by("created_at")
    )


def moderation_summary(queryset):
    found = queryset.order_by().aggregate(count=Count("pk"), oldest=Min("created_at"))
    return found["count"], {"since": found["oldest"]} if found["oldest"] else None


def workflow_object_url(state):
    item = state.content_object
    return page_edit_url(item.pk) if isinstance(item, Page) else None


def workflow_object_title(state):
    item = state.content_object
    if item is None:
        return "—"
    return item.get_admin_display_title() if isinstance(item, Page) else str(item)


MODERATION_COLUMNS = [
    TitleColumn("title", accessor=workflow_object_title, label=_("Waiting"), get_url=workflow_object_url),
    Column(
        "current_task_state",
        accessor=lambda state: state.current_task_state.task if state.current_task_state else "",
        label=_("Task"),
    ),
    Column("requested_by", label=_("Submitted by")),
    DateColumn("created_at", label=_("Waiting since")),
]


# Translations: the source changed after the translation was last synced (the source was extracted again, or the
# original page was published after its last extraction).


def outdated_translations(user):
    last_sync = TranslationLog.objects.filter(source=OuterRef("source"), locale=OuterRef("target_locale"))
    original = Page.objects.filter(translation_key=OuterRef("source__object_id"), locale=OuterRef("source__locale"))
    target = Page.objects.filter(translation_key=OuterRef("source__object_id"), locale=OuterRef("target_locale"))
    return (
        Translation.objects.filter(enabled=True)
        .annotate(
            synced_at=Subquery(last_sync.order_by("-created_at").values("created_at")[:1]),
            original_published_at=Subquery(original.values("last_published_at")[:1]),
            target_page=Subquery(target.values("pk")[:1]),
        )
        .filter(
            Q(synced_at__isnull=True)
            | Q(synced_at__lt=F("source__last_updated_at"))
            | Q(synced_at__lt=F("original_published_at"))
        )
        .select_related("source", "target_locale")
        .order_by("source__object_repr", "target_locale__language_code")
    )


TRANSLATION_COLUMNS = [
    TitleColumn(
        "source", accessor="source.object_repr", label=_("Original"), get_url=lambda t: page_edit_url(t.target_page)
    ),
    Column("target_locale", label=_("Language")),
    DateColumn("synced_at", label=_("Last synced")),
    DateColumn("original_published_at", label=_("Original published")),
]


# Expired listings


def expired_opportunities(user):
    """Published, of an approved organisation, and the last date has passed (``listed_until`` says both)."""
    return (
        Opportunity.objects.filter(published=True, listed_until__lt=today())
        .select_related("organisation")
        .order_by("listed_until")
    )


def expired_vacancies(user):
    return (
        Vacancy.objects.filter(published=True, closed_at__isnull=True, valid_until__lt=today())
        .select_related("organisation")
        .order_by("valid_until")
    )


def past_open_days(user):
    return (
        OpenDay.objects.filter(date__lt=today(), organisation__locale__language_code=locales.default_language())
        .select_related("organisation")
        .order_by("date")
    )


def edit_url(name):
    return lambda row: reverse(name, args=[row.pk])


# Searches, imports, documents, links


def unanswered_this_week(user):
    return UnansweredQuery.objects.filter(last_asked__gt=today() - WEEK).select_related("query").order_by("-hits")


def troubled_imports(user):
    """Running imports, and those that failed in the last week, that ``user`` may open."""
    jobs = ImportJob.objects.filter(
        Q(active=True) | Q(stage=ImportJob.Stage.FAILED, updated_at__gte=timezone.now() - WEEK)
    )
    mine = [job.pk for job in jobs.only("pk", "permission", "options") if allowed(user, job.permission, job.options)]
    return ImportJob.objects.filter(pk__in=mine).defer("content").select_related("user").order_by("-created_at")


def missing_documents(user):
    """The documents whose file the storage does not have (asked once per document)."""
    documents = get_document_model().objects.only("pk", "file")
    missing = [doc.pk for doc in documents if not doc.file or not doc.file.storage.exists(doc.file.name)]
    return get_document_model().objects.filter(pk__in=missing).order_by("title")


def may_change_documents(user):
    return policy_registry.get_by_type(get_document_model()).user_has_permission(user, "change")


def inaccessible_documents(user):
    """The PDFs of the documents library that failed their last veraPDF check (PDF/UA-1: portal.DocumentCheck,
    ``manage.py validate_documents``, weekly), for editors to replace with accessible ones."""
    return (
        get_document_model()
        .objects.filter(accessibility_check__compliant=False)
        .select_related("accessibility_check")
        .order_by("title")
    )


def failed_rules(document):
    check = document.accessibility_check
    return ", ".join(failure["rule"] for failure in check.failures if failure.get("rule")) or check.error


def broken_links(user):
    return LinkCheck.objects.filter(broken=True).select_related("page").order_by("url")


@dataclass
class Item:
    key: str
    label: str
    rows: object  # user -> QuerySet of what to fix
    may_see: object  # user -> bool
    columns: list
    summary: object = None  # QuerySet -> (count, detail): when the item says more than a count
    group: str = ""
    extra: dict = field(default_factory=dict)

    def count(self, user):
        rows = self.rows(user)
        return self.summary(rows) if self.summary else (rows.count(), None)

    @property
    def url_name(self):
        return f"editorial_{self.key.replace('-', '_')}"


ITEMS = [
    Item(
        "cards-unconfirmed",
        _("Profession cards with unconfirmed facts"),
        cards_unconfirmed,
        may_edit_pages,
        CARD_COLUMNS,
        group="atlas",
    ),
    Item(
        "cards-unsourced-salary",
        _("Profession cards with a salary without a source"),
        cards_unsourced_salary,
        may_edit_pages,
        CARD_COLUMNS,
        summary=share_of_cards_with_salary,
        group="atlas",
    ),
    Item(
        "cards-stale-salary",
        _("Profession cards with a salary older than a year or undated"),
        cards_stale_salary,
        may_edit_pages,
        CARD_COLUMNS,
        group="atlas",
    ),
    Item(
        "moderation",
        _("Pages waiting in moderation"),
        in_moderation,
        may_publish_pages,
        MODERATION_COLUMNS,
        summary=moderation_summary,
        group="pages",
    ),
    Item(
        "translations",
        _("Outdated translations"),
        outdated_translations,
        may_edit_pages,
        TRANSLATION_COLUMNS,
        group="pages",
    ),
    Item(
        "opportunities",
        _("Expired opportunities still published"),
        expired_opportunities,
        has_perm("opportunities.change_opportunity"),
        [
            TitleColumn("title", label=_("Opportunity"), get_url=edit_url("opportunities:edit")),
            Column("organisation", label=_("Organisation")),
            Column("listed_until", label=_("Last date")),
        ],
        group="listings",
    ),
    Item(
        "vacancies",
        _("Expired vacancies still published"),
        expired_vacancies,
        has_perm("vacancies.change_vacancy"),
        [
            TitleColumn("title", label=_("Vacancy"), get_url=edit_url("vacancies:edit")),
            Column("organisation", label=_("Organisation")),
            Column("valid_until", label=_("Valid until")),
        ],
        group="listings",
    ),
    Item(
        "open-days",
        _("Past open days"),
        past_open_days,
        has_perm("atlas.change_educationalorganization"),
        [
            TitleColumn(
                "organisation",
                label=_("Organisation"),
                get_url=lambda day: reverse(
                    "wagtailsnippets_atlas_educationalorganization:edit", args=[day.organisation_id]
                ),
            ),
            Column("date", label=_("Date")),
            Column("place", label=_("Place")),
        ],
        group="listings",
    ),
    Item(
        "searches",
        _("Searches that found nothing this week"),
        unanswered_this_week,
        anyone,
        [
            Column("query", label=_("Query")),
            Column("hits", label=_("Times asked")),
            Column("last_asked", label=_("Last asked")),
        ],
        group="site",
    ),
    Item(
        "imports",
        _("Imports running or failed this week"),
        troubled_imports,
        anyone,
        [
            TitleColumn("title", label=_("Import"), get_url=lambda job: reverse("portal_import_job", args=[job.pk])),
            Column("filename", label=_("File")),
            Column("stage", accessor="get_stage_display", label=_("Stage")),
            Column("user", label=_("Started by")),
            DateColumn("created_at", label=_("Started")),
        ],
        group="site",
    ),
    Item(
        "documents",
        _("Documents missing on disk"),
        missing_documents,
        may_change_documents,
        [
            TitleColumn("title", label=_("Document"), get_url=lambda doc: reverse("wagtaildocs:edit", args=[doc.pk])),
            Column("file", label=_("File")),
        ],
        group="site",
    ),
    Item(
        "inaccessible-documents",
        _("Documents failing the PDF/UA-1 check"),
        inaccessible_documents,
        may_change_documents,
        [
            TitleColumn("title", label=_("Document"), get_url=lambda doc: reverse("wagtaildocs:edit", args=[doc.pk])),
            Column("failed_rules", accessor=failed_rules, label=_("Failed rules (veraPDF)")),
            DateColumn("checked_at", accessor="accessibility_check.checked_at", label=_("Checked")),
        ],
        group="site",
    ),
    Item(
        "links",
        _("Broken external links"),
        broken_links,
        may_edit_pages,
        [
            TitleColumn("url", label=_("Address"), get_url=lambda link: link.url),
            TitleColumn("page", label=_("Page"), get_url=lambda link: page_edit_url(link.page_id)),
            Column("problem", label=_("Answer")),
            DateColumn("checked_at", label=_("Checked")),
        ],
        group="site",
    ),
]
BY_KEY = {item.key: item for item in ITEMS}


def for_user(user):
    """[(item, count, detail)] of the items ``user`` may see."""
    return [(item, *item.count(user)) for item in ITEMS if item.may_see(user)]
