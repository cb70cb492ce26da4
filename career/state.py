"""A student's diagnosis and route, kept in the browser and in a share link, never on the server.

The link carries the answers, the second step and the chosen professions as a signed, compressed token
(Django's ``signing``) in its query string (Wagtail's page URLs allow only letters, digits, «-» and «_» in a
path segment, and a signed token has «:» and «.»). Anyone can read what is in it; nobody can change it
without the signature failing. Nothing in it names the student, and nothing in it is about health: a
disability category, which the student may give to leave out unsuitable professions, never enters the
token (see ``views.results``), because a link ends up in server logs, in the browser's history and in every
message the student shares it in."""

import secrets
from dataclasses import dataclass, field, replace

from django.core import signing

from atlas.models.snippets import LEVELS
from atlas.subjects import SCHOOL_SUBJECTS

from . import klimov

SALT = "career.diagnosis"
MAX_COMPARED = 5
GRADES = range(5, 12)
GRADE_BANDS = [("5-7", range(5, 8)), ("8-9", range(8, 10)), ("10-11", range(10, 12))]
SUBJECT_CODES = {code for code, _ru, _en in SCHOOL_SUBJECTS}
LEVEL_CODES = {code for code, _label in LEVELS}


class InvalidToken(Exception):
    """The link was changed, cut short, or was never made here."""


def sign(data):
    return signing.Signer(salt=SALT).sign_object(data, compress=True)


def grade_band(grade):
    return next(band for band, grades in GRADE_BANDS if grade in grades)


def new_nonce():
    """A random mark for one diagnosis (64 bits, 11 characters): it is counted once however often its
    forms are sent again (``record``)."""
    return secrets.token_urlsafe(8)


@dataclass(frozen=True)
class Diagnosis:
    answers: str  # one letter per question, see klimov.parse_answers
    grade: int
    subjects: tuple = ()
    district: str = ""  # a district slug, or "" for not said
    level: str = ""  # an atlas education level, or "" for not decided
    version: str = "plain"
    compared: tuple = field(default=())  # profession page ids, at most MAX_COMPARED
    chosen: int | None = None  # the profession the route leads to
    nonce: str = ""  # this diagnosis's random mark for counting it once, see new_nonce; "" in older links

    @property
    def profile(self):
        return klimov.score(klimov.parse_answers(self.answers))

    @property
    def grade_band(self):
        return grade_band(self.grade)

    def but(self, **changes):
        return replace(self, **changes)

    def token(self):
        return sign(pack(self))

    @classmethod
    def from_token(cls, token):
        try:
            data = signing.Signer(salt=SALT).unsign_object(token)
        except (signing.BadSignature, ValueError, UnicodeDecodeError, OverflowError) as error:
            raise InvalidToken from error
        try:
            return cls.checked(unpack(data))
        except (TypeError, ValueError, KeyError, IndexError, klimov.AnswersError) as error:
            raise InvalidToken from error

    @classmethod
    def checked(cls, data):
        """A Diagnosis from the token's data, refusing anything the forms could not have produced (a
        signed token from an older version of the site, or a bug, must not reach the pages as garbage)."""
        # ``unpack`` made ``data``: its fields and complete answers need no checking here.
        diagnosis = cls(
            answers=data["answers"],
            grade=int(data["grade"]),
            subjects=tuple(data.get("subjects", ())),
            district=str(data.get("district", "")),
            level=str(data.get("level", "")),
            version=str(data.get("version", "plain")),
            compared=tuple(int(pk) for pk in data.get("compared", ())),
            chosen=_optional_int(data.get("chosen")),
            nonce=data.get("nonce", ""),
        )
        if (
            diagnosis.grade not in GRADES
            or set(diagnosis.subjects) - SUBJECT_CODES
            or diagnosis.level not in LEVEL_CODES | {""}
            or diagnosis.version not in dict(klimov.VERSIONS)
            or len(diagnosis.compared) > MAX_COMPARED
            or len(diagnosis.district) > 100
            or not isinstance(diagnosis.nonce, str)
            or len(diagnosis.nonce) > 16
        ):
            raise ValueError("a value out of range")
        return diagnosis


# The token is a short list rather than a dict with names, so that the link stays short enough to copy and
# to print as a QR code: [format, answers as bits, grade, subjects as bits, district, level, version, compared,
# chosen, nonce]. The class session a diagnosis was counted in is not in it (``record`` finds the class
# result by the nonce): a shared link says nothing of the student's class either. Format 1, the first links
# made, held the disability category, the class code and the class result as well; they are still read,
# without those.
FORMAT = 2
OLD_FORMAT = 1
SUBJECT_ORDER = [code for code, _ru, _en in SCHOOL_SUBJECTS]
VERSION_ORDER = [code for code, _label in klimov.VERSIONS]


def bits(flags):
    return sum(1 << n for n, flag in enumerate(flags) if flag)


def flags(number, length):
    if not 0 <= number < 1 << length:
        raise ValueError("bits out of range")
    return [bool(number >> n & 1) for n in range(length)]


def pack(d):
    return [
        FORMAT,
        bits(answer == "b" for answer in d.answers),
        d.grade,
        bits(c in d.subjects for c in SUBJECT_ORDER),
        d.district,
        d.level,
        VERSION_ORDER.index(d.version),
        list(d.compared),
        d.chosen,
        d.nonce,
    ]


def unpack(data):
    if isinstance(data, list) and len(data) == 12 and data[0] == OLD_FORMAT:
        data = [FORMAT, *data[1:6], data[7], data[10], data[11], ""]  # no category, class or nonce
    if not isinstance(data, list) or len(data) != 10 or data[0] != FORMAT:
        raise ValueError("not a diagnosis of this format")
    _format, answers, grade, subjects, district, level, version, compared, chosen, nonce = data
    return {
        "answers": "".join("b" if flag else "a" for flag in flags(answers, klimov.COUNT)),
        "grade": grade,
        "subjects": [
            code for code, flag in zip(SUBJECT_ORDER, flags(subjects, len(SUBJECT_ORDER)), strict=True) if flag
        ],
        "district": district,
        "level": level,
        "version": VERSION_ORDER[version] if isinstance(version, int) and version >= 0 else None,
        "compared": compared,
        "chosen": chosen,
        "nonce": nonce,
    }


def _optional_int(value):
    return None if value is None else int(value)
