"""The questionnaire's forms: the start (text version, layout, class code), the questions, the second step, and
the disability category on the results page."""

from django import forms
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from atlas.models.snippets import LEVELS
from portal import locales
from portal.disabilities import DISABILITY_CATEGORIES
from portal.templatetags.portal_tags import content_names

from . import klimov
from .models.sessions import ClassSession, normalise_code
from .state import GRADES

LAYOUTS = [
    ("steps", _("One question per screen")),
    ("page", _("All questions on one page (convenient with a screen reader)")),
]


class StartForm(forms.Form):
    version = forms.ChoiceField(
        label=_("Text of the questions"), choices=klimov.VERSIONS, initial="plain", widget=forms.RadioSelect
    )
    layout = forms.ChoiceField(
        label=_("How to show the questions"), choices=LAYOUTS, initial="steps", widget=forms.RadioSelect
    )
    code = forms.CharField(
        label=_("Class code"),
        help_text=_("Only if your teacher gave you one. Your name is not asked anywhere."),
        required=False,
        max_length=20,
    )

    def clean_code(self):
        code = normalise_code(self.cleaned_data["code"])
        if code and not ClassSession.objects.open().filter(code=code).exists():
            # One answer whether the code never existed or its session has closed: it tells a guesser nothing.
            raise forms.ValidationError(
                _(
                    "The code «%(code)s» does not open a class session: there is no such session, or it has "
                    "closed. Check the code with your teacher, or leave the field empty to take the questionnaire "
                    "on your own."
                ),
                params={"code": code},
            )
        return code


def option_label(option, version):
    """The wording of an option; marked with its language where it is the fallback to the default language's."""
    text = option.text(version)
    if option.language == locales.content_language():
        return text
    return format_html('<span lang="{}">{}</span>', option.language, text)


class QuestionsForm(forms.Form):
    """One radio group per question («q1»…«q20»): all of them on the one-page form, one on a step screen."""

    def __init__(self, *args, questions, version, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = questions
        for question in questions:
            self.fields[f"q{question.number}"] = forms.ChoiceField(
                label=_("Question %(number)s of %(count)s. I would rather…")
                % {"number": question.number, "count": klimov.COUNT},
                choices=[("a", option_label(question.a, version)), ("b", option_label(question.b, version))],
                widget=forms.RadioSelect,
                error_messages={"required": _("Choose one of the two activities.")},
            )

    def answers(self):
        return {question.number: self.cleaned_data[f"q{question.number}"] for question in self.questions}


class AboutForm(forms.Form):
    """The second step. Every field but the grade may be left as it is."""

    grade = forms.TypedChoiceField(
        label=_("Your grade at school"),
        coerce=int,
        choices=[("", _("Choose…")), *((g, str(g)) for g in GRADES)],
        error_messages={"required": _("Choose your grade: the advice for the route depends on it.")},
    )
    subjects = forms.MultipleChoiceField(
        label=_("School subjects you like or plan to take exams in"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    district = forms.ChoiceField(label=_("Your district"), required=False)
    level = forms.ChoiceField(
        label=_("The education you aim for"),
        required=False,
        choices=[("", _("Not decided yet")), *LEVELS],
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, subjects, districts, **kwargs):
        super().__init__(*args, **kwargs)
        # Each name marked with its language where it is the fallback to the default language's.
        self.fields["subjects"].choices = [(s.code, content_names([s])) for s in locales.localized(subjects)]
        self.fields["district"].choices = [
            ("", _("Not chosen, or outside the krai")),
            *((d.slug, d.name) for d in districts),
        ]
        self.fields["level"].initial = ""


class DisabilityForm(forms.Form):
    """The results page's filter: a disability category, to leave out the professions marked unsuitable.

    Health data, so it is asked here, posted with this one form (a POST body reaches no access log, browser
    history or shared link), used for this one page and kept nowhere: not in the diagnosis token, not on
    the server, not in a cookie (a school computer is shared by a whole class)."""

    disability = forms.ChoiceField(
        label=_("Disability category (optional)"),
        required=False,
        choices=[("", _("None, or I prefer not to say")), *DISABILITY_CATEGORIES],
    )


class ClassKeyForm(forms.Form):
    """The teacher's way in: the class code and the key, posted (see ``classes``)."""

    code = forms.CharField(label=_("Class code"), max_length=20)
    key = forms.CharField(
        label=_("Teacher key"),
        max_length=100,
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false", "autocapitalize": "off"}),
    )

    def session(self):
        """The session this code and key open, or None."""
        code = normalise_code(self.cleaned_data["code"])
        session = ClassSession.objects.filter(code=code).first()
        if session is None or not session.key_matches(self.cleaned_data["key"].strip()):
            self.add_error(
                None,
                _(
                    "No class session opens with this code and key. Check that the whole link was copied, "
                    "or create a new session."
                ),
            )
            return None
        return session
