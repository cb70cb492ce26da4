"""What the search learns from its visitors, without knowing who they are: the words of queries that found
nothing, and how often, so that editors can add content, synonyms or editors' picks. (How often each query
is asked at all is Wagtail's own «Search terms» report.)"""

from django.db import models
from django.db.models import F
from django.utils.translation import gettext_lazy as _


class UnansweredQuery(models.Model):
    query = models.OneToOneField(
        "wagtailsearchpromotions.Query", on_delete=models.CASCADE, primary_key=True, related_name="unanswered"
    )
    hits = models.PositiveIntegerField(_("times asked"), default=0)
    last_asked = models.DateField(_("last asked"), auto_now=True)

    class Meta:
        verbose_name = _("query that found nothing")
        verbose_name_plural = _("queries that found nothing")

    def __str__(self):
        return str(self.query)

    @classmethod
    def record(cls, query):
        cls.objects.get_or_create(query=query)
        cls.objects.filter(query=query).update(hits=F("hits") + 1)
