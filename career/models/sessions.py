"""Class sessions: a teacher's short code and the anonymous results of the students who entered it.

Nothing here can name a student: no names, no birthdays, no addresses of any kind, not even the time of
day (only the date) — just the grade band, the five scores, the suggested professions and the route."""

import datetime
import secrets

from django.core import signing
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..state import GRADE_BANDS

CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"  # no 0/O, 1/I/L: codes are read aloud and copied from a board
CODE_LENGTH = 6
LIFETIME = datetime.timedelta(days=60)
SIGNER_SALT = "career.class-session"


def new_code():
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalise_code(text):
    """What a student typed → the code as stored: case and spaces and dashes do not matter."""
    return "".join(ch for ch in (text or "").upper() if ch.isalnum())[: CODE_LENGTH * 2]


class ClassSessionQuerySet(models.QuerySet):
    def open(self):
        return self.filter(expires_on__gte=timezone.localdate())


class ClassSession(models.Model):
    code = models.CharField(_("code"), max_length=CODE_LENGTH, unique=True)
    created_on = models.DateField(_("created on"), default=timezone.localdate)
    expires_on = models.DateField(_("open until"))

    objects = ClassSessionQuerySet.as_manager()

    class Meta:
        verbose_name = _("class session")
        verbose_name_plural = _("class sessions")

    def __str__(self):
        return self.code

    @classmethod
    def create(cls):
        for _attempt in range(20):
            code = new_code()
            if not cls.objects.filter(code=code).exists():
                return cls.objects.create(code=code, expires_on=timezone.localdate() + LIFETIME)
        raise RuntimeError("no free class session code")  # 31^6 codes: only if the table is nearly full

    @property
    def teacher_key(self):
        """The secret part of the teacher's link: whoever has the link sees the class picture, no account."""
        return signing.Signer(salt=SIGNER_SALT).signature(self.code)

    def key_matches(self, key):
        """Whether ``key`` is the signature of the code under the secret key or one of SECRET_KEY_FALLBACKS, so
        that teachers' links survive a key rotation while the old key is kept (SECURITY.md). The comparison is
        Django's constant-time one, on bytes (any visitor can type non-ASCII characters)."""
        signer = signing.Signer(salt=SIGNER_SALT)
        try:
            return signer.unsign(f"{self.code}{signer.sep}{key or ''}") == self.code
        except signing.BadSignature:
            return False


class ClassResult(models.Model):
    session = models.ForeignKey(ClassSession, on_delete=models.CASCADE, related_name="results")
    grade_band = models.CharField(_("grade band"), max_length=5, choices=[(b, b) for b, _g in GRADE_BANDS])
    nature = models.PositiveSmallIntegerField()
    technique = models.PositiveSmallIntegerField()
    human = models.PositiveSmallIntegerField()
    sign = models.PositiveSmallIntegerField()
    art = models.PositiveSmallIntegerField()
    suggested = models.JSONField(_("first suggested professions"), default=list)  # profession page ids
    route_profession = models.ForeignKey(
        "atlas.ProfessionPage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    completed_on = models.DateField(_("completed on"), default=timezone.localdate)

    class Meta:
        verbose_name = _("anonymous class result")
        verbose_name_plural = _("anonymous class results")

    def __str__(self):
        return f"{self.session_id}: {self.scores}"

    @property
    def scores(self):
        return {
            "nature": self.nature,
            "technique": self.technique,
            "human": self.human,
            "sign": self.sign,
            "art": self.art,
        }
