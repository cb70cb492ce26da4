"""Numbers in the messages editors read (import reports, admin messages) written as the active language writes
them — in Russian a decimal comma, thousands parted by a non-breaking space and a non-breaking space before «%»
(«1 234,5», «125,5 %») — through Django's own number formatting, not by replacing characters."""

from decimal import ROUND_HALF_UP, Decimal

from django.utils.formats import number_format

NBSP = "\u00a0"


def number(value, decimal_places=None):
    """``value`` in the active language's notation; without ``decimal_places``, as many decimals as it needs
    (125.50 → «125,5», 100.00 → «100»)."""
    if value is None:
        return ""
    if isinstance(value, float):
        value = Decimal(str(value))
    if decimal_places is not None:  # rounded half up (Django's formatting would cut the digits off)
        value = Decimal(value).quantize(Decimal(1).scaleb(-decimal_places), rounding=ROUND_HALF_UP)
    elif isinstance(value, Decimal):
        value = value.normalize()
    return number_format(value, decimal_places, use_l10n=True, force_grouping=True)


def percent(value, decimal_places=None):
    """«125,5 %»: the number and the sign, never parted at the end of a line."""
    return f"{number(value, decimal_places)}{NBSP}%"
