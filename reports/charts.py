"""Bar lengths for the booklet's charts, drawn as HTML boxes so the page and the PDF look alike.

(WeasyPrint breaks Thai inside SVG <text>; HTML text shapes correctly.) Lengths are percents of
the chart's own scale, not figures: the figures come from reports/figures/ and are printed as labels.
"""

from dataclasses import dataclass
from decimal import Decimal

from reports.figures import STATUS_ORDER, STATUS_SHORT


def _scale(value, top):
    if value is None or not top:
        return Decimal("0")
    return (Decimal(value) * 100 / Decimal(top)).quantize(Decimal("0.1"))


@dataclass
class Bar:
    key: str
    label: str
    value: object
    percent: object
    length: Decimal  # 0-100, share of the chart's width or height

    @property
    def mm(self):
        # Column charts are 45 mm tall at 100 %.
        return (self.length * Decimal("0.45")).quantize(Decimal("0.1"))


def status_bars(status):
    top = max(status.counts.values(), default=0)
    return [
        Bar(s, STATUS_SHORT[s], status.counts[s], status.percent(s), _scale(status.counts[s], top))
        for s in STATUS_ORDER
    ]


def money_columns(money):
    """Per quarter: cumulative plan, disbursement and cabinet target, on one scale (the allocation)."""
    top = max([money.allocated] + [p.planned for p in money.points]) or None
    columns = []
    for p in money.points:
        columns.append(
            {
                "point": p,
                "bars": [
                    Bar("planned", "แผนสะสม", p.planned, p.planned_percent, _scale(p.planned, top)),
                    Bar(
                        "disbursed", "เบิกจ่ายสะสม", p.disbursed, p.disbursed_percent, _scale(p.disbursed, top)
                    ),
                    Bar(
                        "target",
                        "เป้าหมาย ครม.",
                        p.target_amount,
                        p.target_percent,
                        _scale(p.target_amount, top),
                    ),
                ],
            }
        )
    return columns


def group_bars(groups):
    """Per group: disbursed against allocated, lengths on the largest group's allocation."""
    top = max((g.allocated for g in groups), default=0)
    return [
        {"group": g, "allocated": _scale(g.allocated, top), "disbursed": _scale(g.disbursed, top)}
        for g in groups
    ]
