"""The share link: it rebuilds the same diagnosis, and any change to it is refused."""

import pytest

from career.state import Diagnosis, InvalidToken, pack, sign

from .conftest import answers_for

# answers_for reads the questionnaire's questions: snippets, in the database (written by a migration).
pytestmark = pytest.mark.django_db


def diagnosis():
    return Diagnosis(
        answers=answers_for("sign"),
        grade=9,
        subjects=("math", "informatics"),
        district="amurskii",
        level="spo",
        version="easy",
        compared=(3, 5),
        chosen=5,
        nonce="Zx0-_aB3cD4",
    )


def test_the_token_round_trips():
    original = diagnosis()
    assert Diagnosis.from_token(original.token()) == original


def test_the_token_is_url_safe_and_names_nobody():
    token = diagnosis().token()
    assert set(token) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_:.")
    assert len(token) < 160  # short enough to copy by hand and to print as a QR code


@pytest.mark.parametrize("position", [0, 10, -5, -1])
def test_a_changed_character_is_refused(position):
    token = diagnosis().token()
    changed = (
        token[:position] + ("A" if token[position] != "A" else "B") + token[position + 1 :]
        if position != -1
        else token[:-1] + ("A" if token[-1] != "A" else "B")
    )
    with pytest.raises(InvalidToken):
        Diagnosis.from_token(changed)


@pytest.mark.parametrize("token", ["", "garbage", "a:b", "%00", "." * 300])
def test_garbage_and_truncated_tokens_are_refused(token):
    with pytest.raises(InvalidToken):
        Diagnosis.from_token(token)
    with pytest.raises(InvalidToken):
        Diagnosis.from_token(diagnosis().token()[:-3])


def test_a_validly_signed_but_impossible_diagnosis_is_refused():
    """A token signed by this site yet holding values no form produces (an older format, a bug)."""
    good = pack(diagnosis())
    assert Diagnosis.from_token(sign(good)) == diagnosis()
    for position, value in (
        (0, 3),  # an unknown format
        (1, 1 << 20),  # a 21st answer
        (2, 3),  # grade 3
        (3, 1 << 14),  # a 15th subject
        (5, "phd"),
        (6, 5),  # an unknown text version
        (7, [1, 2, 3, 4, 5, 6]),  # six compared
        (8, "five"),
        (9, 12345),  # a nonce is a string
        (9, "x" * 40),
    ):
        changed = [*good]
        changed[position] = value
        with pytest.raises(InvalidToken):
            Diagnosis.from_token(sign(changed))
    for data in ({"answers": "a" * 20, "grade": 9}, [*good, "Иван"], good[:-1]):
        with pytest.raises(InvalidToken):
            Diagnosis.from_token(sign(data))


def test_a_link_of_the_first_format_still_opens_without_its_disability_category_and_class():
    """The first links held the category, the class code and the class result (and no nonce): they keep
    working, and what they hold of those is not used."""
    new = pack(diagnosis())
    old = [1, *new[1:6], "hearing", new[6], "ABC234", 17, *new[7:9]]
    assert Diagnosis.from_token(sign(old)) == diagnosis().but(nonce="")
