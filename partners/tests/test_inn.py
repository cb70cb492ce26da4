"""The ИНН check (partners.forms.validate_inn, python-stdnum's stdnum.ru.inn)."""

import pytest
from django import forms

from partners.forms import validate_inn

from .conftest import VALID_INN_10, VALID_INN_12

WEIGHTS_10 = [2, 4, 10, 3, 5, 9, 4, 6, 8]
WEIGHTS_12 = ([7, 2, 4, 10, 3, 5, 9, 4, 6, 8], [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8])


def check_digit(digits, weights):
    return sum(int(d) * w for d, w in zip(digits, weights, strict=True)) % 11 % 10


def test_the_test_numbers_have_the_check_digits_of_the_tax_service_algorithm():
    """The numbers the tests use are valid by the published algorithm itself, not only by the library: weighted sums
    of the digits modulo 11, then modulo 10."""
    assert check_digit(VALID_INN_10[:9], WEIGHTS_10) == int(VALID_INN_10[9])
    assert check_digit(VALID_INN_12[:10], WEIGHTS_12[0]) == int(VALID_INN_12[10])
    assert check_digit(VALID_INN_12[:11], WEIGHTS_12[1]) == int(VALID_INN_12[11])


@pytest.mark.parametrize("number", [VALID_INN_10, VALID_INN_12, f" {VALID_INN_10[:4]} {VALID_INN_10[4:]} "])
def test_a_valid_inn_passes(number):
    assert validate_inn(number) in (VALID_INN_10, VALID_INN_12)


@pytest.mark.parametrize(
    ("number", "code"),
    [
        ("1234567895", "checksum"),  # 10 digits, the last one wrong
        ("123456789037", "checksum"),  # 12 digits, the eleventh wrong
        ("123456789048", "checksum"),  # 12 digits, the twelfth wrong
        ("12345678", "length"),
        ("1234567890123", "length"),
        ("123456789X", "format"),
    ],
)
def test_a_wrong_inn_is_refused_with_its_reason(number, code):
    with pytest.raises(forms.ValidationError) as refused:
        validate_inn(number)
    assert refused.value.code == code
