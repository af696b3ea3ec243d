"""Whether a project indicator met its target at the year's end: plans/achievement.assess, applied to a
project `Indicator` and its `YearEndIndicatorResult` (or None). Nobody types "achieved"."""

from plans.achievement import assess

# A project indicator's `judged_as` → the shared rule's kind.
RULE_KIND = {"number": "count", "text": "text"}


def indicator_verdict(indicator, result):
    """The Verdict (status, Thai rule) of `indicator` given its year-end `result` row (None: not reported)."""
    judged_as = indicator.judged_as
    return assess(
        kind=RULE_KIND.get(judged_as, "text"),
        comparator=indicator.comparator,
        target_value=indicator.target_value if judged_as == "number" else None,
        target_text="" if judged_as == "number" else indicator.target_text,
        result_value=getattr(result, "value", None),
        result_text=getattr(result, "text", "") or "",
        has_target=judged_as != "na",
        has_result=result is not None,
    )


def verdict_from_typed(indicator, value, text):
    """The verdict for what an owner typed (value/text), before it is saved."""
    typed = None
    if value is not None or (text or "").strip():
        typed = _Typed(value, text or "")
    return indicator_verdict(indicator, typed)


class _Typed:
    def __init__(self, value, text):
        self.value, self.text = value, text
