"""Online entries: who may enter (an approved teacher — for a student or, where teachers compete, for themselves — or a
student with a student's account, for themselves), the form (every fault named at once; up to MAX_FILES files checked
by their content through portal.uploads, or a link to a video), and the entry stored with its files in the private
storage and the digest of the consent shown."""

from dataclasses import dataclass

from django import forms
from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from portal import consent_texts, locales
from portal.account_request_pages import described
from portal.uploads import check_upload
from resumes.models import StudentAccount
from teachers.in_use import teacher_of

from .models.entries import Entry, EntryFile, Participant

MAX_FILES = 3
MAX_BYTES = 10 * 1024 * 1024
ALLOWED = {"pdf", "docx", "odt", "pptx", "jpg", "jpeg", "png"}
CONSENT_TEMPLATE = "competitions/consent.html"
STUDENTS, TEACHERS, BOTH = "students", "teachers", "both"


@dataclass
class Entrant:
    """The signed-in account entering, as the form needs it."""

    user: object
    kind: str  # Participant.TEACHER or Participant.STUDENT
    last_name: str
    first_name: str
    school: str = ""
    district_id: int | None = None
    for_students: bool = False  # a teacher entering a student's work
    for_self: bool = False  # entering their own work

    @property
    def is_teacher(self):
        return self.kind == Participant.TEACHER


def split_name(full_name):
    """(surname, first name) of a name written «Фамилия Имя Отчество», as the accounts ask for it."""
    parts = full_name.split()
    return (parts[0] if parts else "", parts[1] if len(parts) > 1 else "")


def entrant_of(user, competition):
    """The Entrant ``user`` is for ``competition``, or None when they may not enter it (not an approved teacher nor a
    student with a student's account, or a student where only teachers compete)."""
    if not user.is_authenticated or not user.is_active:
        return None
    teacher = teacher_of(user)
    if teacher is not None:
        last, first = split_name(teacher.full_name)
        return Entrant(
            user,
            Participant.TEACHER,
            last,
            first,
            school=teacher.school,
            district_id=teacher.district_id,
            for_students=competition.audience in (STUDENTS, BOTH),
            for_self=competition.audience in (TEACHERS, BOTH),
        )
    student = StudentAccount.objects.filter(account=user).first()
    if student is not None and competition.audience in (STUDENTS, BOTH):
        last, first = split_name(student.full_name)
        return Entrant(user, Participant.STUDENT, last, first, for_self=True)
    return None


def consent_text(entrant, language=None):
    """The consent's text (HTML) for ``entrant`` in ``language`` (the active one by default)."""
    with translation.override(language or translation.get_language()):
        return render_to_string(
            CONSENT_TEMPLATE,
            {
                "entrant": entrant,
                "operator": settings.PERSONAL_DATA_OPERATOR,
                "kept_days": settings.COMPETITION_ENTRIES_KEPT_DAYS,
            },
        )


class NominationField(forms.ModelChoiceField):
    def label_from_instance(self, nomination):
        return nomination.title


class EntryForm(forms.ModelForm):
    """The work and who made it. A teacher's entry for a student carries the student's name and grade and the
    teacher's statement that a parent consented; everyone consents to the processing of the entry's data."""

    nomination = NominationField(
        label=_("Nomination"),
        queryset=None,
        error_messages={
            "required": _("Choose the nomination."),
            "invalid_choice": _("Choose a nomination of this competition."),
        },
    )
    who = forms.ChoiceField(
        label=_("Whose work is it?"),
        widget=forms.RadioSelect,
        choices=[(Participant.STUDENT, _("A student's work")), (Participant.TEACHER, _("My own work"))],
        error_messages={"required": _("Choose whose work you enter.")},
    )
    grade = forms.TypedChoiceField(
        label=_("Grade"), coerce=int, required=False, error_messages={"invalid_choice": _("Choose the grade.")}
    )
    file_1 = forms.FileField(label=_("File 1"), required=False)
    file_2 = forms.FileField(label=_("File 2"), required=False)
    file_3 = forms.FileField(label=_("File 3"), required=False)
    parent_consent = forms.BooleanField(
        label=_(
            "I confirm that a parent (legal representative) of the student has consented in writing to the "
            "processing of the student's data for this competition"
        ),
        label_suffix="",
        required=False,
        widget=forms.CheckboxInput(attrs=described("consent-text")),
    )
    consent = forms.BooleanField(
        label=_("I consent to the processing of these data for the competition, as stated above"),
        label_suffix="",
        widget=forms.CheckboxInput(attrs=described("consent-text")),
        error_messages={"required": _("Without your consent the entry cannot be accepted.")},
    )

    class Meta:
        model = Entry
        fields = [
            "participant_last_name",
            "participant_first_name",
            "school",
            "full_name_agreed",
            "title",
            "description",
            "video_url",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 5}),
            "video_url": forms.URLInput(attrs=described("files-hint")),
        }
        error_messages = {
            "participant_last_name": {"required": _("Write the participant's surname.")},
            "participant_first_name": {"required": _("Write the participant's first name.")},
            "school": {"required": _("Write the participant's school or college.")},
            "title": {"required": _("Write the title of the work.")},
            "description": {
                "max_length": _("Please keep the description within %(limit_value)d characters (now %(show_value)d).")
            },
            "video_url": {"invalid": _("Write the full address of the video, beginning with https://.")},
        }

    def __init__(self, *args, competition, entrant, **kwargs):
        initial = kwargs.setdefault("initial", {})
        initial.setdefault("school", entrant.school)
        if not entrant.for_students:
            initial.setdefault("participant_last_name", entrant.last_name)
            initial.setdefault("participant_first_name", entrant.first_name)
        super().__init__(*args, **kwargs)
        self.competition, self.entrant = competition, entrant
        self.fields["nomination"].queryset = competition.nominations.all()
        self.fields["nomination"].empty_label = _("Choose the nomination")
        if not (entrant.for_students and entrant.for_self):
            del self.fields["who"]
        if not entrant.for_students:
            del self.fields["grade"]
            del self.fields["parent_consent"]
        else:
            first, last = competition.grade_from or 1, competition.grade_to or 11
            self.fields["grade"].choices = [("", _("Choose the grade")), *((g, str(g)) for g in range(first, last + 1))]
        for name in ("file_1", "file_2", "file_3"):
            self.fields[name].widget.attrs.update(described("files-hint"))

    def participant(self):
        """Whose work the form enters: the student's (a teacher's entry for a student) or the entrant's own."""
        if "who" in self.fields:
            return self.cleaned_data.get("who")
        return Participant.STUDENT if self.entrant.for_students else self.entrant.kind

    def for_a_student(self):
        return self.entrant.is_teacher and self.participant() == Participant.STUDENT

    def clean(self):
        cleaned = super().clean()
        for name in ("file_1", "file_2", "file_3"):
            uploaded = cleaned.get(name)
            if uploaded is None:
                continue
            try:
                check_upload(uploaded, ALLOWED, MAX_BYTES)
            except forms.ValidationError as error:
                self.add_error(name, error)
        has_work = any(cleaned.get(name) for name in ("file_1", "file_2", "file_3")) or cleaned.get("video_url")
        given = has_work or any(self.has_error(name) for name in ("file_1", "file_2", "file_3", "video_url"))
        if not given:
            self.add_error("file_1", _("Add the work: at least one file or a link to a video."))
        if self.for_a_student():
            if cleaned.get("grade") in (None, ""):
                self.add_error("grade", _("Choose the student's grade."))
            if not cleaned.get("parent_consent"):
                self.add_error(
                    "parent_consent",
                    _("A student's work can be entered only with a parent's consent: confirm that you have it."),
                )
        return cleaned

    def uploaded_files(self):
        return [self.cleaned_data[name] for name in ("file_1", "file_2", "file_3") if self.cleaned_data.get(name)]


@transaction.atomic
def submit(form, competition, entrant):
    """Store the entry of a valid ``form`` with its files; returns it."""
    entry = form.save(commit=False)
    entry.competition = competition
    entry.nomination = form.cleaned_data["nomination"]
    entry.entrant = entrant.user
    entry.participant = form.participant()
    entry.grade = form.cleaned_data.get("grade") if form.for_a_student() else None
    entry.district_id = entrant.district_id
    entry.language = translation.get_language() or locales.default_language()
    # The binding text is the Russian one, whatever language the form was shown in.
    entry.consent_digest = consent_texts.digest(consent_text(entrant, locales.default_language()))
    entry.save()
    for uploaded in form.uploaded_files():
        uploaded.seek(0)
        body = ContentFile(uploaded.read(), name=uploaded.name)
        EntryFile.objects.create(entry=entry, file=body, original_name=uploaded.name[:255], size=body.size)
    return entry
