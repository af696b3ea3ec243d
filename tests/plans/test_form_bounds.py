"""plans.form_bounds: numbers read from a post or a query string only when a column can hold them."""

import pytest

from plans.form_bounds import posted_int


@pytest.mark.parametrize(("typed", "number"), [
    ("12", 12), (" 12 ", 12), ("0", 0), ("9223372036854775807", 9223372036854775807),
    ("9223372036854775808", None), ("9" * 30, None), ("²", None), ("๑๒", None), ("１２", None), ("-1", None),
    ("1e3", None), ("", None), (None, None), ("12a", None),
])
def test_posted_int_reads_only_ascii_digits_a_column_holds(typed, number):
    assert posted_int(typed) == number


def test_posted_int_uses_the_columns_range():
    assert posted_int("2147483647", "PositiveIntegerField") == 2147483647
    assert posted_int("2147483648", "PositiveIntegerField") is None
