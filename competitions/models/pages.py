"""The competitions' pages: «Конкурсы» lists them (this school year's first, by phase, past years below) and holds the
entrant's «Мои заявки»; each competition says who may enter, its rules («положение»), nominations, calendar and jury,
takes entries while they are open and shows the winners once an editor has published the results."""

from django import forms
from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count
from django.http import HttpResponseNotAllowed
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.documents import get_document_model_string
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail.search import index

from portal.former_addresses import moved_permanently
from portal.limits import exceeded, too_many_requests
from portal.pages import PortalPage

from .. import entries, schedule
from ..access import JURY_GROUP
from .entries import AWARDED, Entry, EntryStatus

Phase = schedule.Phase


class Audience(models.TextChoices):
    STUDENTS = "students", _("Students")
    TEACHERS = "teachers", _("Teachers")
    BOTH = "both", _("Students and teachers")


class CompetitionIndexPage(RoutablePageMixin, PortalPage):
    """«Конкурсы»: the krai's career-guidance competitions, this school year's first (entries open, upcoming, judging,
    results), earlier years below; and «Мои заявки», the signed-in entrant's entries with their status."""

    introduction = RichTextField(_("introduction"), blank=True, editor="basic")

    parent_page_types = ["home.HomePage", "home.SectionPage"]
    subpage_types = ["competitions.CompetitionPage"]
    max_count_per_parent = 1
    content_panels = [*PortalPage.content_panels, FieldPanel("introduction")]

    class Meta:
        verbose_name = _("list of competitions")

    def competitions(self):
        return list(CompetitionPage.objects.live().public().child_of(self).order_by("-entries_open_on", "title"))

    @path("")
    def listing(self, request):
        current, past = schedule.arranged(self.competitions(), timezone.localdate())
        return self.render(request, context_overrides={"current": current, "past": past})

    @path("moi-zayavki/", name="former_my_entries")
    def former_my_entries(self, request):
        """The first spelling of «Мои заявки», in another transliteration than the portal's: it moved."""
        return moved_permanently(request, self.get_url(request) + self.reverse_subpage("my_entries"))

    @path("moi-zaiavki/", name="my_entries")
    def my_entries(self, request):
        """The signed-in visitor's own entries, newest first, each with its status; nobody else's."""
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), reverse("wagtailcore_login"))
        mine = (
            Entry.objects.filter(entrant=request.user)
            .select_related("competition", "nomination")
            .annotate(score_count=Count("scores"))
            .order_by("-created_at")
        )
        response = self.render(
            request, template="competitions/my_entries.html", context_overrides={"entries": list(mine)}
        )
        add_never_cache_headers(response)
        return response


class CompetitionPage(RoutablePageMixin, PortalPage):
    """One competition: who may enter, the rules, the nominations, the calendar and the jury. Entries are taken on the
    page between the two dates; the jury's accounts score them in the admin («Конкурсы → Заявки»), and the results
    are published from there («Конкурсы → Итоги»)."""

    audience = models.CharField(_("who may enter"), max_length=10, choices=Audience.choices)
    grade_from = models.PositiveSmallIntegerField(_("from grade"), null=True, blank=True)
    grade_to = models.PositiveSmallIntegerField(_("to grade"), null=True, blank=True)
    participants = models.TextField(
        _("categories of participants"),
        blank=True,
        help_text=_("E.g. «обучающиеся 1–4 классов вместе с родителями», «педагоги колледжей»."),
    )
    about = RichTextField(_("about the competition"), blank=True, editor="basic")
    rules = models.ForeignKey(
        get_document_model_string(),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("rules (положение)"),
    )
    entries_open_on = models.DateField(_("entries open on"))
    entries_close_on = models.DateField(_("entries close on"))
    results_on = models.DateField(_("results announced on"))
    jury = models.TextField(
        _("jury"),
        blank=True,
        help_text=_("Shown publicly: organisations and roles only, no names of people."),
    )
    jurors = ParentalManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="juried_competitions",
        limit_choices_to={"is_active": True, "groups__name": JURY_GROUP},
        verbose_name=_("jury accounts"),
        help_text=_(
            "Only these accounts score the entries of this competition in the admin. An account is offered here once "
            "an administrator has put it in the group «Жюри конкурсов»."
        ),
    )
    results_published_at = models.DateTimeField(_("results published"), null=True, blank=True, editable=False)
    is_demonstration = models.BooleanField(
        _("demonstration entry"),
        default=False,
        help_text=_("The page marks it: a seeded example, not a real competition."),
    )

    parent_page_types = ["competitions.CompetitionIndexPage"]
    subpage_types = []
    search_fields = [*PortalPage.search_fields, index.SearchField("about"), index.SearchField("participants")]
    http_method_names = ("get", "head", "post")  # the entry form; the page itself refuses POST
    content_panels = [
        *PortalPage.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("audience"),
                FieldRowPanel([FieldPanel("grade_from"), FieldPanel("grade_to")]),
                FieldPanel("participants"),
            ],
            heading=_("Who may enter"),
        ),
        FieldPanel("about"),
        FieldPanel("rules"),
        InlinePanel("nominations", label=_("nomination"), heading=_("Nominations"), min_num=1),
        MultiFieldPanel(
            [FieldPanel("entries_open_on"), FieldPanel("entries_close_on"), FieldPanel("results_on")],
            heading=_("Calendar"),
        ),
        MultiFieldPanel(
            [FieldPanel("jury"), FieldPanel("jurors", widget=forms.CheckboxSelectMultiple)], heading=_("Jury")
        ),
        FieldPanel("is_demonstration"),
    ]

    class Meta:
        verbose_name = _("competition")
        verbose_name_plural = _("competitions")

    def clean(self):
        super().clean()
        problems = schedule.calendar_problems(self)
        if self.grade_from and self.grade_to and self.grade_from > self.grade_to:
            problems["grade_to"] = _("The last grade cannot be before the first one.")
        for grade in ("grade_from", "grade_to"):
            value = getattr(self, grade)
            if value is not None and not 1 <= value <= 11:
                problems[grade] = _("A grade from 1 to 11.")
        if problems:
            raise ValidationError(problems)

    def with_content_json(self, content):
        """A revision never brings back the results' publication as it was when the revision was saved."""
        page = super().with_content_json(content)
        page.results_published_at = self.results_published_at
        return page

    def phase(self, today=None):
        return schedule.phase_of(self, today or timezone.localdate())

    def takes_entries(self, today=None):
        return self.phase(today) == Phase.OPEN

    @path("")
    def competition(self, request):
        if request.method == "POST":
            return HttpResponseNotAllowed(["GET", "HEAD"])
        winners = []
        if self.results_published_at:
            awarded = Entry.objects.filter(competition=self, result__in=AWARDED).exclude(status=EntryStatus.REJECTED)
            winners = schedule.winners_by_nomination(self, awarded)
        context = {"phase": self.phase(), "winners": winners, "nominations": list(self.nominations.all())}
        return self.render(request, context_overrides=context)

    @path("podat-zayavku/", name="former_enter")
    def former_enter(self, request):
        """The entry form's first spelling, in another transliteration than the portal's: it moved."""
        return moved_permanently(request, self.get_url(request) + self.reverse_subpage("enter"))

    @path("podat-zaiavku/", name="enter")
    def enter(self, request):
        """The entry form for a signed-in teacher or student while entries are open; a word on who may enter and how
        to sign in for everyone else. POST: a limit per address, then the entry stored with its files."""
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), reverse("wagtailcore_login"))
        entrant = entries.entrant_of(request.user, self)
        status = 200
        form = None
        if entrant is not None and self.takes_entries():
            if request.method == "POST":
                if exceeded(request, "competition-entry", count=True):
                    return too_many_requests(request)
                form = entries.EntryForm(request.POST, request.FILES, competition=self, entrant=entrant)
                if form.is_valid():
                    entries.submit(form, self, entrant)
                    listing = self.get_parent().specific
                    return redirect(listing.url + listing.reverse_subpage("my_entries") + "?sent=1")
                status = 400
            else:
                form = entries.EntryForm(competition=self, entrant=entrant)
        elif request.method == "POST":
            status = 403
        context = {
            "form": form,
            "entrant": entrant,
            "phase": self.phase(),
            "consent_text": entries.consent_text(entrant) if entrant else "",
            "max_size": entries.MAX_BYTES,
            "max_files": entries.MAX_FILES,
        }
        response = self.render(request, template="competitions/entry_form.html", context_overrides=context)
        response.status_code = status
        add_never_cache_headers(response)
        return response


class Nomination(Orderable):
    competition = ParentalKey(CompetitionPage, on_delete=models.CASCADE, related_name="nominations")
    title = models.CharField(_("title"), max_length=255)

    panels = [FieldPanel("title")]

    class Meta(Orderable.Meta):
        verbose_name = _("nomination")
        verbose_name_plural = _("nominations")

    def __str__(self):
        return self.title
