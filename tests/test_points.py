"""Points are exact: the reference figures, rounding, and stars and flags."""

import math
from decimal import Decimal
from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from villagebook.catalogue import DEFAULTS, Category
from villagebook.quantities import fmt_points
from villagebook.tally import stars_and_flags

RULES = {c.code: c for c in DEFAULTS}


def points(code: str, quantity) -> str:
    return fmt_points(RULES[code].points_for(Decimal(quantity)))


def test_reference_figures_of_the_village():
    assert points("labour", 8) == "2.00"  # the basketball hoop
    assert points("labour", 3) == "0.75"
    assert points("goods", 3000) == "30.00"  # the TV for the meeting room
    assert points("donation", 3000) == "30.00"
    assert points("recognition", 1) == "10.00"  # a parent of a soldier


def test_rounding_is_half_up_to_hundredths():
    third = Category("x", "x", "x", "hours", 100, 3, None)
    assert fmt_points(third.points_for(Decimal(1))) == "0.33"
    assert fmt_points(third.points_for(Decimal(2))) == "0.67"
    assert points("donation", "0.5") == "0.01"  # 0.005 rounds up, never to nothing-and-negative


@given(
    points_c=st.integers(1, 100_000),
    per=st.integers(1, 10_000),
    quantity=st.decimals(min_value=Decimal("0.01"), max_value=Decimal(10**9), places=2),
)
def test_points_are_exact_and_never_negative(points_c, per, quantity):
    cat = Category("x", "x", "x", "yuan", points_c, per, None)
    got = cat.points_for(quantity)
    exact = Fraction(points_c) * Fraction(quantity) / per
    assert isinstance(got, int) and got >= 0
    assert got == math.floor(exact + Fraction(1, 2))  # the nearest hundredth, a half up


@given(points_c=st.integers(0, 10**9), pps=st.integers(1, 10_000), spf=st.integers(1, 100))
def test_stars_and_flags_add_back_up(points_c, pps, spf):
    stars, flags, loose = stars_and_flags(points_c, pps, spf)
    assert stars == points_c // pps
    assert flags * spf + loose == stars and 0 <= loose < spf


def test_default_star_rule_one_point_one_star_six_stars_one_flag():
    assert stars_and_flags(3000, 100, 6) == (30, 5, 0)
    assert stars_and_flags(1000, 100, 6) == (10, 1, 4)
    assert stars_and_flags(275, 100, 6) == (2, 0, 2)


def test_rules_describe_themselves_in_plain_words():
    assert RULES["labour"].describe() == "义务劳动：每4小时1分"
    assert RULES["recognition"].describe() == "表彰（军属等）：每次10分"

