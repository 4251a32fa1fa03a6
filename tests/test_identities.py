import datetime as dt

from vardmote_sandbox.identities import (is_synthetic, is_valid_personnummer, luhn_check_digit,
                                         synthetic_personnummer)


def test_check_digit_matches_the_published_worked_example():
    # 640823-323? -> 4, the worked example of the modulus-10 method
    assert luhn_check_digit("640823323") == 4


def test_synthetic_numbers_are_valid_unique_and_from_before_personnummer_existed():
    numbers = [synthetic_personnummer(index) for index in range(2000)]
    assert len(set(numbers)) == len(numbers)
    for number in numbers:
        assert is_valid_personnummer(number), number
        assert is_synthetic(number)
        born = dt.date(int(number[:4]), int(number[4:6]), int(number[6:8]))
        assert born < dt.date(1820, 1, 1)  # nobody born then was alive in 1947


def test_a_wrong_check_digit_or_date_is_not_valid():
    good = synthetic_personnummer(7)
    wrong_digit = good[:-1] + str((int(good[-1]) + 1) % 10)
    assert not is_valid_personnummer(wrong_digit)
    assert not is_valid_personnummer("180002300000")  # 30 February
    assert not is_synthetic("196408233234")  # valid in form, but may belong to a real person
