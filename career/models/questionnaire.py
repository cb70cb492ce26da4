"""The questions of the interest questionnaire, edited and translated in the admin like other content."""

from collections import Counter

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from atlas.models.pages import KLIMOV_TYPES

# Klimov's structure: 20 forced choices; each of the 10 pairs of the five types is offered twice, so every type is
# offered 8 times and scores 0–8. The scoring and its bands rest on it.
QUESTION_COUNT = 20
PAIR_REPEATS = 2


def pair(type_a, type_b):
    return frozenset((type_a, type_b))


def balance_problem(pairs):
    """What breaks Klimov's balance in a list of (type a, type b) pairs, or None. A pair offered more than twice or
    a type against itself is refused; 20 pairs that pass hold every pair exactly twice, every type 8 times."""
    if any(type_a == type_b for type_a, type_b in pairs):
        return _("The two activities of a question must score different types.")
    counts = Counter(pair(*types) for types in pairs)
    if any(count > PAIR_REPEATS for count in counts.values()):
        return _("Every pair of types is offered exactly twice in the questionnaire; this pair would be offered more.")
    if len(pairs) > QUESTION_COUNT:
        return _("The questionnaire has %(count)s questions.") % {"count": QUESTION_COUNT}
    return None


class QuestionnaireQuestion(TranslatableMixin, models.Model):
    """A question of the interest questionnaire («I would rather…»): two activities, each scoring one of Klimov's
    five types, in plain and easy-read wording. The 20 questions offer every pair of types twice; an edit that
    would break that is refused. The types are the same in every language: translate the wording only."""

    number = models.PositiveSmallIntegerField(
        _("number"), validators=[MinValueValidator(1), MaxValueValidator(QUESTION_COUNT)]
    )
    type_a = models.CharField(_("type of activity A"), max_length=10, choices=KLIMOV_TYPES)
    text_a = models.CharField(_("activity A"), max_length=200)
    easy_a = models.CharField(_("activity A, easy-read"), max_length=200)
    type_b = models.CharField(_("type of activity B"), max_length=10, choices=KLIMOV_TYPES)
    text_b = models.CharField(_("activity B"), max_length=200)
    easy_b = models.CharField(_("activity B, easy-read"), max_length=200)

    panels = [
        FieldPanel("number"),
        MultiFieldPanel([FieldPanel("type_a"), FieldPanel("text_a"), FieldPanel("easy_a")], heading=_("Activity A")),
        MultiFieldPanel([FieldPanel("type_b"), FieldPanel("text_b"), FieldPanel("easy_b")], heading=_("Activity B")),
    ]
    # wagtail-localize: translators see the wording; the number and the types follow the original.
    translatable_fields = [
        TranslatableField("text_a"),
        TranslatableField("easy_a"),
        TranslatableField("text_b"),
        TranslatableField("easy_b"),
        SynchronizedField("number"),
        SynchronizedField("type_a"),
        SynchronizedField("type_b"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["number"]
        unique_together = [("translation_key", "locale"), ("number", "locale")]
        verbose_name = _("questionnaire question")
        verbose_name_plural = _("questionnaire questions")

    def __str__(self):
        return f"{self.number}. {self.text_a} / {self.text_b}"

    def clean(self):
        super().clean()
        others = QuestionnaireQuestion.objects.filter(locale_id=self.locale_id).exclude(pk=self.pk)
        if self.number is not None and others.filter(number=self.number).exists():
            raise ValidationError({"number": _("Another question of this language has this number.")})
        problem = balance_problem([*others.values_list("type_a", "type_b"), (self.type_a, self.type_b)])
        if problem:
            raise ValidationError({"type_b": problem})
