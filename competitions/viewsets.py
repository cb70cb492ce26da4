"""«Конкурсы» in the admin: the entries (a juror sees and scores only the entries of the competitions whose jury they
are on, files included; those who run competitions see every entry, accept or reject it and set its result), and the
results (published for a competition at once; the winners' works taken into the best practices with one action)."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.views import generic
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from partners.permissions import PolicyInspectView, PolicyInstancesMixin, SeenByPolicy
from portal import private_media

from . import results
from .access import runs_competitions
from .models import CompetitionPage, Entry, EntryFile, EntryStatus, Nomination, Score

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "png": "image/png",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "odt": "application/vnd.oasis.opendocument.text",
}


class JuryPolicy(SeenByPolicy):
    """Entries come from the public form only and are deleted by the daily command (no «add», no «delete»); the model
    permissions, narrowed to the entries the account may see (``EntryQuerySet.seen_by``)."""

    refused = ("add", "delete")


class EntryForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "nomination" in self.fields and self.instance.pk:
            self.fields["nomination"].queryset = Nomination.objects.filter(competition_id=self.instance.competition_id)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("status") == EntryStatus.REJECTED and not cleaned.get("rejection_reason", "").strip():
            self.add_error("rejection_reason", _("Write why the entry is rejected: the entrant sees it."))
        if cleaned.get("status") == EntryStatus.REJECTED and cleaned.get("result"):
            self.add_error("result", _("A rejected entry has no result."))
        return cleaned


class ScoreForm(forms.ModelForm):
    class Meta:
        model = Score
        fields = ["points", "comment"]
        widgets = {"comment": forms.Textarea(attrs={"rows": 3})}


class EntryInspectView(PolicyInspectView):
    """The entry with its files (served by the viewset's file view, which checks the same rule) and, for a juror of
    its competition, the scoring form; those who run competitions see every juror's score."""

    template_name = "competitions/admin/entry_inspect.html"
    score_url_name = None
    file_url_name = None
    fields = [
        "competition",
        "nomination",
        "title",
        "description",
        "video_url",
        "participant",
        "published_name",
        "grade",
        "school",
        "district",
        "created_at",
        "status",
        "rejection_reason",
        "result",
    ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        entry, user = self.object, self.request.user
        is_juror = entry.competition.jurors.filter(pk=user.pk).exists()
        own = Score.objects.filter(entry=entry, juror=user).first()
        context.update(
            {
                "files": [(f, reverse(self.file_url_name, args=[f.pk])) for f in entry.files.all()],
                "score_form": ScoreForm(instance=own) if is_juror else None,
                "score_url": reverse(self.score_url_name, args=[entry.pk]),
                "scores": entry.scores.select_related("juror") if runs_competitions(user) else [],
            }
        )
        return context


def narrowed(view_class):
    return type(f"Jury{view_class.__name__}", (PolicyInstancesMixin, view_class), {})


class EntryViewSet(ModelViewSet):
    model = Entry
    icon = "doc-full"
    menu_label = _("Entries")
    index_view_class = narrowed(generic.IndexView)
    edit_view_class = narrowed(generic.EditView)
    inspect_view_class = EntryInspectView
    inspect_view_enabled = True
    copy_view_enabled = False
    edit_handler = ObjectList(
        [FieldPanel("nomination"), FieldPanel("status"), FieldPanel("rejection_reason"), FieldPanel("result")],
        base_form_class=EntryForm,
    )
    list_display = ["title", "competition", "nomination", "published_name", "status", "result", "created_at"]
    list_filter = ["status", "result"]
    search_fields = ["title", "school"]
    ordering = ["-created_at"]

    def get_inspect_view_kwargs(self, **kwargs):
        return super().get_inspect_view_kwargs(
            score_url_name=self.get_url_name("score"), file_url_name=self.get_url_name("file"), **kwargs
        )

    def seen_entry(self, request, pk):
        entry = get_object_or_404(Entry.objects.seen_by(request.user).select_related("competition"), pk=pk)
        if not self.permission_policy.user_has_permission_for_instance(request.user, "view", entry):
            raise Http404
        return entry

    def score_view(self, request, pk):
        """POST: the juror's score of the entry (one per juror: a second replaces the first)."""
        if request.method != "POST":
            return redirect(self.get_url_name("inspect"), pk)
        entry = self.seen_entry(request, pk)
        if not entry.competition.jurors.filter(pk=request.user.pk).exists():
            raise PermissionDenied
        own = Score.objects.filter(entry=entry, juror=request.user).first()
        form = ScoreForm(request.POST, instance=own or Score(entry=entry, juror=request.user))
        if form.is_valid():
            form.save()
            messages.success(request, gettext("Your score is saved."))
        else:
            messages.error(request, gettext("The score is not saved: points are a whole number from 0 to 100."))
        return redirect(self.get_url_name("inspect"), pk)

    def file_view(self, request, pk):
        """An entry's file, only to those who see the entry; anyone else gets a 404, as if it were not there."""
        stored = get_object_or_404(EntryFile, pk=pk)
        self.seen_entry(request, stored.entry_id)
        return private_media.serve(
            stored.file, CONTENT_TYPES.get(stored.extension, "application/octet-stream"), download_name=None
        )

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("score/<int:pk>/", self.score_view, name="score"),
            path("file/<int:pk>/", self.file_view, name="file"),
        ]


class RunnersMenuItem(MenuItem):
    def is_shown(self, request):
        return runs_competitions(request.user)


class ResultsViewSet(ViewSet):
    """«Итоги»: each competition with its entries' results; publish them, take the winners' works into the best
    practices. Only for those who run competitions."""

    icon = "trophy"
    menu_label = _("Results")

    @property
    def menu_item_class(self):
        return RunnersMenuItem

    def check(self, request):
        if not runs_competitions(request.user):
            raise PermissionDenied

    def index_view(self, request):
        self.check(request)
        competitions = CompetitionPage.objects.order_by("-entries_close_on").prefetch_related("entries__nomination")
        today = timezone.localdate()
        rows = [(c, results.can_publish(c, today), [e for e in c.entries.all() if e.result]) for c in competitions]
        return TemplateResponse(
            request,
            "competitions/admin/results.html",
            {
                "rows": rows,
                "page_title": gettext("Results of the competitions"),
                "header_icon": self.icon,
                "publish_url_name": self.get_url_name("publish"),
                "practices_url_name": self.get_url_name("best_practices"),
            },
        )

    def publish_view(self, request, pk):
        self.check(request)
        competition = get_object_or_404(CompetitionPage, pk=pk)
        if request.method == "POST":
            if results.can_publish(competition):
                awarded = results.publish(competition)
                messages.success(request, gettext("Results published: %(count)d awarded entries.") % {"count": awarded})
            else:
                messages.error(request, gettext("Results are published once entries have closed, and only once."))
        return redirect(self.get_url_name("index"))

    def best_practices_view(self, request, pk):
        self.check(request)
        competition = get_object_or_404(CompetitionPage, pk=pk)
        if request.method == "POST":
            try:
                created = results.add_to_best_practices(competition)
            except results.NoBestPractices:
                messages.error(request, gettext("The portal has no best-practice collection yet: create it first."))
            else:
                messages.success(
                    request,
                    gettext("%(count)d draft best practices created; review and publish them.")
                    % {"count": len(created)},
                )
        return redirect(self.get_url_name("index"))

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("publish/<int:pk>/", self.publish_view, name="publish"),
            path("best-practices/<int:pk>/", self.best_practices_view, name="best_practices"),
        ]


class CompetitionsGroup(ViewSetGroup):
    menu_label = _("Competitions")
    menu_icon = "trophy"
    menu_order = 229
    items = [
        EntryViewSet("competitions_entries", url_prefix="competitions/entries"),
        ResultsViewSet("competitions_results", url_prefix="competitions/results"),
    ]
