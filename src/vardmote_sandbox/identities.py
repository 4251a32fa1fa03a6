"""Synthetic personal identity numbers (personnummer) that can never belong to a real person.

Scheme: birth dates in the years 1800-1819. Personnummer were introduced in 1947, and nobody born
before 1820 was alive then, so no number with such a date was ever issued or ever will be. The numbers
are still valid in form: a real calendar date, a three-digit birth number and a Luhn check digit, and
in the 10-digit form the separator is '+' (older than 100 years), as Skatteverket writes it.
Skatteverket's published test series would also do; it is not at hand on these machines.
"""

from __future__ import annotations

import datetime as _dt

FIRST_SYNTHETIC_YEAR = 1800
LAST_SYNTHETIC_YEAR = 1819


def luhn_check_digit(nine_digits: str) -> int:
    total = 0
    for index, char in enumerate(nine_digits):
        product = int(char) * (2 if index % 2 == 0 else 1)
        total += product // 10 + product % 10
    return (10 - total % 10) % 10


def synthetic_personnummer(index: int) -> str:
    """The index-th synthetic number as 12 digits YYYYMMDDNNNC (deterministic, unique per index)."""
    birth = _dt.date(FIRST_SYNTHETIC_YEAR, 1, 1) + _dt.timedelta(days=index // 500)
    if birth.year > LAST_SYNTHETIC_YEAR:
        raise ValueError("the synthetic series is exhausted")
    birth_number = f"{(index % 500) * 2 + 1:03d}"[-3:]
    nine = birth.strftime("%y%m%d") + birth_number
    return birth.strftime("%Y%m%d") + birth_number + str(luhn_check_digit(nine))


def is_valid_personnummer(value: str) -> bool:
    """True for a 12-digit personnummer with a real date and a correct check digit."""
    digits = value.replace("-", "").replace("+", "")
    if len(digits) != 12 or not digits.isdigit():
        return False
    try:
        _dt.date(int(digits[0:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        return False
    return luhn_check_digit(digits[2:11]) == int(digits[11])


def is_synthetic(value: str) -> bool:
    digits = value.replace("-", "").replace("+", "")
    return is_valid_personnummer(digits) and FIRST_SYNTHETIC_YEAR <= int(digits[:4]) <= LAST_SYNTHETIC_YEAR


def display_form(personnummer: str) -> str:
    """YYYYMMDD-NNNC, the form shown to people."""
    return f"{personnummer[:8]}-{personnummer[8:]}"
