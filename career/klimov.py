"""Klimov's five interest types and the scoring of the questionnaire.

The questionnaire has the structure of E. A. Klimov's differential-diagnostic questionnaire: 20 forced-choice
pairs of activities, each option scoring one type, every type offered 8 times, so a type scores 0–8 and the
scores add up to the number of answered questions. 0–2 is a low interest, 3–6 an average one, 7–8 a
pronounced one (Klimov's bands). The questions are snippets (``models/questionnaire.py``), edited and
translated in the admin."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from atlas.models.pages import KLIMOV_TYPES
from portal import locales, lookups

from .models.questionnaire import QUESTION_COUNT, QuestionnaireQuestion

TYPES = [code for code, _label in KLIMOV_TYPES]
TYPE_LABELS = dict(KLIMOV_TYPES)
MAX_SCORE = 8
LEVELS = [
    ("low", _("low"), range(0, 3)),
    ("average", _("average"), range(3, 7)),
    ("pronounced", _("pronounced"), range(7, 9)),
]
VERSIONS = [("plain", _("Plain text")), ("easy", _("Easy-read text"))]
UNANSWERED = "-"

TYPE_EXPLANATIONS = {
    "nature": _("You like working with living things: plants, animals, the land, water and forests."),
    "technique": _("You like making, repairing and running machines, devices and buildings."),
    "human": _("You like helping, teaching, treating, serving and leading people."),
    "sign": _("You like working with numbers, texts, codes, maps, tables and programs."),
    "art": _("You like creating beautiful and expressive things: pictures, music, stories, design."),
}


@dataclass(frozen=True)
class Option:
    type: str
    plain: str
    easy: str
    language: str  # of the wording: the default language's where the visitor's has no translation

    def text(self, version):
        return self.easy if version == "easy" else self.plain


@dataclass(frozen=True)
class Question:
    number: int
    a: Option
    b: Option

    def option(self, letter):
        return self.a if letter == "a" else self.b


COUNT = QUESTION_COUNT


def questions():
    """The questions as shown now, kept per content version (``portal.lookups``): two queries at most, then none.
    The types each option scores come from the questions of the default language, so an answer scores the same
    in every language; the wording is the visitor's language's where translated, else the default one's."""
    language = locales.content_language()
    return lookups.lookup("career-questions", language, build=lambda: _load_questions(language))


def _load_questions(language):
    originals = list(QuestionnaireQuestion.objects.filter(locale__language_code=locales.default_language()))
    shown = locales.localized(originals)
    return [
        Question(
            original.number,
            Option(original.type_a, wording.text_a, wording.easy_a, _language(original, wording, language)),
            Option(original.type_b, wording.text_b, wording.easy_b, _language(original, wording, language)),
        )
        for original, wording in zip(originals, shown, strict=True)
    ]


def _language(original, wording, language):
    return locales.default_language() if wording is original else language


class AnswersError(ValueError):
    """The answers string is not one letter («a», «b» or «-») per question."""


def parse_answers(text):
    """«ab-b…» (one character per question, «-» for not answered yet) → a list of "a", "b" or None."""
    text = (text or "").strip() or UNANSWERED * COUNT
    if len(text) != COUNT or set(text) - {"a", "b", UNANSWERED}:
        raise AnswersError(text)
    return [None if char == UNANSWERED else char for char in text]


def format_answers(answers):
    return "".join(answer or UNANSWERED for answer in answers)


def level_of(score):
    return next(code for code, _label, band in LEVELS if score in band)


@dataclass(frozen=True)
class Profile:
    scores: dict  # type -> 0..8

    @property
    def leading(self):
        """The types with the highest score (several on a tie; none when nothing was chosen)."""
        top = max(self.scores.values())
        return [code for code in TYPES if top and self.scores[code] == top]

    def rows(self):
        labels = {code: label for code, label, _band in LEVELS}
        return [
            {
                "type": code,
                "label": TYPE_LABELS[code],
                "score": self.scores[code],
                "level": level_of(self.scores[code]),
                "level_label": labels[level_of(self.scores[code])],
                "explanation": TYPE_EXPLANATIONS[code],
            }
            for code in TYPES
        ]


def score(answers):
    """The profile of a list of answers ("a", "b" or None per question)."""
    scores = dict.fromkeys(TYPES, 0)
    for question, answer in zip(questions(), answers, strict=True):
        if answer:
            scores[question.option(answer).type] += 1
    return Profile(scores)
