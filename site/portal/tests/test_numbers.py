"""Numbers in import reports and admin messages: the active language's notation through Django's formatting."""

from decimal import Decimal

from django.conf import settings
from django.utils import translation

from portal.numbers import number, percent

NBSP = "\u00a0"


def test_russian_notation():
    with translation.override(settings.LANGUAGE_CODE):
        assert percent(Decimal("125.50")) == f"125,5{NBSP}%"
        assert percent(Decimal("100.00")) == f"100{NBSP}%"
        assert percent(Decimal("12.345"), 2) == f"12,35{NBSP}%"
        assert number(1234567) == f"1{NBSP}234{NBSP}567"
        assert number(Decimal("65000.5")) == f"65{NBSP}000,5"
        assert number(0.1) == "0,1"
        assert number(None) == ""


def test_the_notation_follows_the_active_language():
    other = next(code for code, _ in settings.LANGUAGES if code != settings.LANGUAGE_CODE)
    with translation.override(other):
        assert number(Decimal("1234.5")) in ("1,234.5", f"1{NBSP}234.5")
