"""Whether a strategy indicator met its target in a year: the one place this is decided.

The planner pages, the plan document, the targets-vs-results report and the annual report all call
`assess`/`assess_indicator`; nobody types "achieved". Every verdict carries the rule it applied, in
Thai, so a reader can check it ("ผล 78.00 ≥ เป้าหมาย 76.00").

Rules:
- No target for the year, or the target is N/A → not assessed (ไม่ได้กำหนดค่าเป้าหมาย).
- No result recorded → not reported (ยังไม่รายงานผล): unknown, never counted as a miss.
- percent, count, mean score: compare the numbers with the indicator's comparator (≥, ≤, =).
- level: both must be steps of the indicator's ordered scale; compare their positions on it.
- yes/no: the result must equal the target (1 = มี/ผ่าน, 0 = ไม่มี/ไม่ผ่าน).
- text: the result must equal the target, ignoring spaces and Thai/Arabic digits.
- A composite (it has sub-indicators) is judged from them: achieved when every assessed one is,
  not achieved when any assessed one is not, not reported/assessed when none is assessed.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from plans import comparator_words
from plans.thai_formats import format_number, to_arabic_digits

ACHIEVED = "achieved"
NOT_ACHIEVED = "not_achieved"
NOT_ASSESSED = "not_assessed"  # the target is N/A (or there is none)
NOT_REPORTED = "not_reported"  # there is a target but no result yet

LABELS = {
    ACHIEVED: "บรรลุ",
    NOT_ACHIEVED: "ไม่บรรลุ",
    NOT_ASSESSED: "ไม่ประเมิน (ไม่มีค่าเป้าหมาย)",
    NOT_REPORTED: "ยังไม่รายงานผล",
}

SIGNS = comparator_words.SIGNS
NUMERIC_KINDS = {"percent", "count", "mean"}


@dataclass(frozen=True)
class Verdict:
    status: str
    rule: str
    children: tuple = field(default=())

    @property
    def label(self):
        return LABELS[self.status]

    @property
    def assessed(self):
        return self.status in (ACHIEVED, NOT_ACHIEVED)


def _num(value):
    return format_number(Decimal(value), digits="arabic")


def _same_text(a, b):
    return " ".join(to_arabic_digits(a or "").split()) == " ".join(to_arabic_digits(b or "").split())


def _compare(result, target, comparator):
    if comparator == "lte":
        return result <= target
    if comparator == "eq":
        return result == target
    return result >= target


def _rule(met, result, sign, target):
    """"ผล 85 ≥ เป้าหมาย 80" when met; "ผล 76 ไม่ผ่านเกณฑ์ ≥ เป้าหมาย 80" when not."""
    return f"{result} {sign} {target}" if met else f"{result} ไม่ผ่านเกณฑ์ {sign} {target}"


def _yes_no(value):
    return "มี/ผ่าน" if value == 1 else "ไม่มี/ไม่ผ่าน"


def assess(*, kind, comparator="gte", target_value=None, target_text="", result_value=None, result_text="",
           levels=(), has_target=True, has_result=True):
    """The verdict for one indicator (not a composite) in one year, from plain values."""
    target_na = not has_target or (target_value is None and not (target_text or "").strip())
    if target_na:
        return Verdict(NOT_ASSESSED, "ไม่ได้กำหนดค่าเป้าหมายของปีนี้ (N/A)")
    if not has_result or (result_value is None and not (result_text or "").strip()):
        return Verdict(NOT_REPORTED, "ยังไม่ได้บันทึกผลของปีนี้")
    sign = SIGNS.get(comparator, "≥")
    if kind in NUMERIC_KINDS:
        if target_value is None or result_value is None:
            return Verdict(NOT_ASSESSED, "ค่าเป้าหมายหรือผลไม่เป็นตัวเลข จึงเปรียบเทียบไม่ได้")
        met = _compare(Decimal(result_value), Decimal(target_value), comparator)
        rule = _rule(met, f"ผล {_num(result_value)}", sign, f"เป้าหมาย {_num(target_value)}")
    elif kind == "level":
        scale = [to_arabic_digits(level).strip() for level in levels]
        result, target = to_arabic_digits(result_text).strip(), to_arabic_digits(target_text).strip()
        if target not in scale or result not in scale:
            missing = target if target not in scale else result
            return Verdict(NOT_ASSESSED, f"“{missing}” ไม่อยู่ในลำดับขั้นของระดับ ({' < '.join(scale) or 'ยังไม่กำหนด'})")
        met = _compare(scale.index(result), scale.index(target), comparator)
        rule = _rule(met, f"ระดับ “{result}”", sign, f"เป้าหมาย “{target}”") + f" ตามลำดับขั้น {' < '.join(scale)}"
    elif kind == "yes_no":
        met = result_value is not None and target_value is not None and Decimal(result_value) == Decimal(target_value)
        rule = f"ผล “{_yes_no(result_value)}” เทียบกับเป้าหมาย “{_yes_no(target_value)}”"
    else:
        met = _same_text(result_text, target_text)
        rule = f"ผล “{result_text.strip()}” ตรงกับเป้าหมาย “{target_text.strip()}”" if met else (
            f"ผล “{result_text.strip()}” ไม่ตรงกับเป้าหมาย “{target_text.strip()}”"
        )
    return Verdict(ACHIEVED if met else NOT_ACHIEVED, rule)


def combine(children):
    """A composite's verdict from its sub-indicators' verdicts."""
    children = tuple(children)
    assessed = [v for v in children if v.assessed]
    missed = sum(1 for v in assessed if v.status == NOT_ACHIEVED)
    if not assessed:
        status = NOT_REPORTED if any(v.status == NOT_REPORTED for v in children) else NOT_ASSESSED
        return Verdict(status, "ไม่มีตัวชี้วัดย่อยที่ประเมินได้", children)
    rule = f"ตัวชี้วัดย่อยบรรลุ {len(assessed) - missed} จาก {len(assessed)} ที่ประเมินได้ (ต้องบรรลุทุกตัว)"
    return Verdict(NOT_ACHIEVED if missed else ACHIEVED, rule, children)


def assess_indicator(indicator, be_year, *, targets, results, children=None):
    """The verdict of a StrategyIndicator in `be_year`.

    `targets` and `results` map (indicator id, be_year) to the rows (read once by the caller);
    `children` maps an indicator id to its sub-indicators (a composite is judged from them).
    """
    kids = (children or {}).get(indicator.pk, ())
    if kids:
        return combine(assess_indicator(kid, be_year, targets=targets, results=results, children=children)
                       for kid in kids)
    target = targets.get((indicator.pk, be_year))
    result = results.get((indicator.pk, be_year))
    return assess(
        kind=indicator.kind,
        comparator=indicator.comparator,
        target_value=target.value if target else None,
        target_text=target.text if target else "",
        result_value=result.value if result else None,
        result_text=result.text if result else "",
        levels=indicator.levels,
        has_target=target is not None,
        has_result=result is not None,
    )
