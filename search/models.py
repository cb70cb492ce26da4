"""What the search learns from its visitors, without knowing who they are: the words of queries that found
nothing, and how often, so that editors can add content, synonyms or editors' picks. (How often each query
is asked at all is Wagtail's own «Search terms» report.)"""

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class UnansweredQuery(models.Model):
    query = models.OneToOneField(
        "wagtailsearchpromotions.Query", on_delete=models.CASCADE, primary_key=True, related_name="unanswered"
    )
    hits = models.PositiveIntegerField(_("times asked"), default=0)
    last_asked = models.DateField(_("last asked"), auto_now=True)
    # The query's meaningful words that found nothing on their own when it was first logged (``search.missing``),
    # separated by spaces: what the «unanswered» report groups the queries by. Empty: not known (then every
    # meaningful word of the query counts as missing).
    missing = models.CharField(_("words that found nothing"), max_length=255, blank=True, default="")

    class Meta:
        verbose_name = _("query that found nothing")
        verbose_name_plural = _("queries that found nothing")

    def __str__(self):
        return str(self.query)

    @classmethod
    def record(cls, query, times=1):
        """Count ``times`` more searches of ``query``; whether it is new to the list."""
        _row, created = cls.objects.get_or_create(query=query)
        cls.objects.filter(query=query).update(hits=F("hits") + times, last_asked=timezone.localdate())
        return created


class IndexedFacet(models.Model):
    """The database backend's copy of the facet tags OpenSearch indexes (``portal.facets``): one row per
    «name:value» tag of a page or atlas record, written and deleted with its index entry."""

    content_type = models.ForeignKey("contenttypes.ContentType", on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    tag = models.CharField(max_length=140)

    class Meta:
        indexes = [models.Index(fields=["content_type", "tag"]), models.Index(fields=["content_type", "object_id"])]

    def __str__(self):
        return self.tag


class SynonymGroup(models.Model):
    """Words, phrases and abbreviations that mean the same to a visitor; a query with one of them also finds
    pages with the others, on every search backend (``search.synonyms``)."""

    terms = models.TextField(
        _("terms"),
        help_text=_("Words or phrases that mean the same, one per line: «СПО», «среднее профессиональное образование»"),
    )

    class Meta:
        ordering = ["terms"]
        verbose_name = _("synonyms")
        verbose_name_plural = _("synonyms")

    def __str__(self):
        return " ↔ ".join(self.term_list())

    def term_list(self):
        return [term.strip() for term in re.split(r"[\n,;]", self.terms) if term.strip()]

    def clean(self):
        if len(self.term_list()) < 2:
            raise ValidationError({"terms": _("Give at least two words or phrases, one per line.")})


class PendingIndexUpdate(models.Model):
    """An object whose entry in OpenSearch could not be written (OpenSearch was unreachable): kept until a
    retry writes it (``search.indexing``). The database backend's index was written with the object itself."""

    content_type = models.ForeignKey("contenttypes.ContentType", on_delete=models.CASCADE, related_name="+")
    object_id = models.CharField(max_length=255)
    failures = models.PositiveIntegerField(default=1)
    last_error = models.TextField(blank=True)
    first_failed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["content_type", "object_id"], name="one_pending_update_per_object")
        ]

    def __str__(self):
        return f"{self.content_type}:{self.object_id}"


class FillerWord(models.Model):
    """A word visitors put around what they look for — a question word («где», «как», «сколько»), or a word
    every page of a career portal could hold («профессия», «работа», «учиться»): the search never requires it
    (``search.understanding``), so «где учиться на повара» finds the cook's card. The search page shows what
    remained of a query once these are set aside."""

    INTENTS = [
        ("salary", _("the salary of a profession")),
        ("study", _("where to study for a profession")),
        ("admission", _("where to apply after school")),
    ]
    word = models.CharField(_("word"), max_length=60, unique=True)
    intent = models.CharField(
        _("intent"),
        max_length=10,
        choices=INTENTS,
        blank=True,
        help_text=_(
            "What a query with this word asks for, if anything: the search then answers above its results with "
            "the salary block or the «where to study» block of the profession named, or with the handbook for "
            "applicants."
        ),
    )

    class Meta:
        ordering = ["word"]
        verbose_name = _("filler word of queries")
        verbose_name_plural = _("filler words of queries")

    def __str__(self):
        return self.word

    def clean(self):
        self.word = " ".join(self.word.split()).lower()
        if len(self.word.split()) != 1:
            raise ValidationError({"word": _("Give one word.")})
