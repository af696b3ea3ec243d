"""Project indicators judged at the year's end by the shared rule (plans/achievement.assess): a number
with ≥ ≤ =, a text that must match, N/A; set on the project's indicator pages."""

from decimal import Decimal

import pytest
from django.urls import reverse

from projects.models import Indicator
from projects.year_end.verdicts import verdict_from_typed

D = Decimal


@pytest.mark.parametrize(("kind", "comparator", "target", "value", "text", "status"), [
    ("number", "gte", D("80"), D("80"), "", "achieved"),
    ("number", "gte", D("80"), D("79.99"), "", "not_achieved"),
    ("number", "lte", D("5"), D("3"), "", "achieved"),
    ("number", "lte", D("5"), D("6"), "", "not_achieved"),
    ("number", "eq", D("100"), D("100"), "", "achieved"),
    ("number", "eq", D("100"), D("99"), "", "not_achieved"),
    ("number", "gte", D("80"), None, "", "not_reported"),  # no result: unknown, never a miss
    ("text", "gte", None, None, "ระดับดีเยี่ยม", "achieved"),
    ("text", "gte", None, None, "ระดับดี", "not_achieved"),
    ("na", "gte", None, D("10"), "", "not_assessed"),
    # An existing row (before #17) with a number: kind "number", comparator "gte" by default.
    (None, None, D("80"), D("81"), "", "achieved"),
])
def test_the_shared_rule_judges_project_indicators(kind, comparator, target, value, text, status):
    indicator = Indicator(text="ตัวชี้วัด", target_value=target, target_text="" if target else "ระดับดีเยี่ยม")
    if kind:
        indicator.kind, indicator.comparator = kind, comparator
    assert verdict_from_typed(indicator, value, text).status == status


def test_the_owner_sets_the_comparator_and_na_on_the_indicator_pages(client, world):
    client.force_login(world.owner_a)
    page = reverse("projects:indicators", kwargs={"pk": world.project_a.pk})
    client.post(page, {"text": "จำนวนโรงเรียนที่ไม่ผ่านเกณฑ์", "target_value": "5", "target_unit": "โรงเรียน",
                       "comparator": "lte"})
    client.post(page, {"text": "ความพึงพอใจ", "not_assessed": "on"})
    fewer, na = world.project_a.indicators.order_by("pk")
    assert (fewer.kind, fewer.comparator) == ("number", "lte")
    assert (na.kind, na.target_text) == ("na", "N/A")
    edit = reverse("projects:indicator_edit", kwargs={"pk": world.project_a.pk, "indicator_pk": fewer.pk})
    client.post(edit, {"text": fewer.text, "target_value": "5", "target_unit": "โรงเรียน", "comparator": "eq",
                       "version": fewer.version})
    fewer.refresh_from_db()
    assert fewer.comparator == "eq"
    assert "<td>= ๕.๐๐ โรงเรียน</td>" in client.get(page).content.decode()
