"""The lesson finder of the methodological section: one Django form validates the query string, so every
choice has its own URL, works without JavaScript, and an unknown value is reported and ignored."""

from functools import reduce
from operator import or_

from django import forms
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from atlas.models import ProfessionPage, Sector
from portal.disabilities import DISABILITY_CATEGORIES
from portal.filter_forms import QueryFilterForm

from .choices import DURATIONS, FORMATS, GRADE_BANDS, PROFILES
from .models.kits import MethodicalKitPage
from .models.lessons import LessonPage

ANY = [("", pgettext_lazy("filter", "Any"))]


class LessonFilterForm(QueryFilterForm):
    audience = forms.ChoiceField(
        label=_("For whom"), required=False, choices=[*ANY, *((code, label) for code, label, *_r in GRADE_BANDS)]
    )
    profile = forms.ChoiceField(label=_("Profile"), required=False, choices=[*ANY, *PROFILES])
    format = forms.ChoiceField(label=_("Format"), required=False, choices=[*ANY, *FORMATS])
    duration = forms.ChoiceField(
        label=_("Duration"), required=False, choices=[*ANY, *((code, label) for code, label, *_r in DURATIONS)]
    )
    adapted = forms.ChoiceField(
        label=_("Adapted for"), required=False, choices=[("", _("No matter")), *DISABILITY_CATEGORIES]
    )
    sector = forms.ChoiceField(label=_("Sector"), required=False)
    profession = forms.ChoiceField(label=_("Profession"), required=False)

    def __init__(self, data, *, index):
        super().__init__(data)
        self.index = index
        locale = index.locale_id
        self.fields["sector"].choices = [
            *ANY,
            *Sector.objects.filter(locale_id=locale, professions__lessons__live=True)
            .distinct()
            .order_by("name")
            .values_list("slug", "name"),
        ]
        self.fields["profession"].choices = [
            *ANY,
            *ProfessionPage.objects.filter(locale_id=locale, lessons__live=True)
            .distinct()
            .order_by("title")
            .values_list("slug", "title"),
        ]

    @staticmethod
    def in_kits(kits, **kit_filter):
        """A condition on lessons: under one of ``kits`` that match ``kit_filter`` (one query)."""
        paths = MethodicalKitPage.objects.filter(pk__in=[k.pk for k in kits], **kit_filter).values_list(
            "path", flat=True
        )
        return reduce(or_, (Q(path__startswith=path) for path in paths), Q(pk__in=[]))

    def lessons(self, kits):
        """The live lessons under the index that match; ``kits`` are the index's live kits, whose profile
        and adaptations their lessons share."""
        values = self.valid_values()
        lessons = LessonPage.objects.live().public().descendant_of(self.index)
        if "profile" in values:
            # A lesson's own profile, or its kit's when it has none (a medical and pedagogical kit's lessons).
            own = Q(profile=values["profile"])
            lessons = lessons.filter(own | (Q(profile="") & self.in_kits(kits, profile=values["profile"])))
        if "adapted" in values:
            lessons = lessons.filter(self.in_kits(kits, adaptations__category=values["adapted"]))
        if "audience" in values:
            low, high = next((lo, hi) for code, _label, lo, hi in GRADE_BANDS if code == values["audience"])
            lessons = lessons.filter(grade_min__lte=high, grade_max__gte=low)
        if "duration" in values:
            low, high = next((lo, hi) for code, _label, lo, hi in DURATIONS if code == values["duration"])
            lessons = lessons.filter(duration_minutes__gte=low, duration_minutes__lte=high)
        if "format" in values:
            lessons = lessons.filter(format=values["format"])
        if "sector" in values:
            lessons = lessons.filter(professions__sector__slug=values["sector"])
        if "profession" in values:
            lessons = lessons.filter(professions__slug=values["profession"])
        return lessons.distinct().annotate(material_count=Count("materials", distinct=True)).order_by("path")
