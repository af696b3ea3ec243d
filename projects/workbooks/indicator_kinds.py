"""A project indicator's target kind (projects.models.IndicatorTargetKind) in the plan workbook: the word
written on export, the words accepted on import, and what a blank cell stands for.

The criterion's words (ไม่น้อยกว่า / ไม่เกิน / เท่ากับ, ≥ ≤ =) are plans.comparator_words, shared with the
development plan workbook.
"""

from projects.models import IndicatorTargetKind

TARGET_KIND_WORDS = {"number": "ตัวเลข", "text": "ข้อความ", "na": "ไม่ประเมิน"}
TARGET_KIND_TYPED = {
    # The written words first: a refusal lists the first few as examples.
    **{word: value for value, word in TARGET_KIND_WORDS.items()},
    "N/A": "na",
    "ไม่กำหนดค่าเป้าหมาย": "na",
    **{str(label): value for value, label in IndicatorTargetKind.choices},
    **{value: value for value in IndicatorTargetKind.values},
}


def is_na_text(text):
    """A text target of "N/A" means no target: a blank kind then reads as ไม่ประเมิน."""
    return (text or "").strip().casefold() in ("n/a", "n / a")


def kind_from_targets(target_value, target_text):
    """The kind a blank cell (or a file without the column) stands for: number, text or na.

    As the indicator form derives it from the targets, and a text target "N/A" reads as not assessed."""
    if target_value is not None:
        return "number"
    return "na" if is_na_text(target_text) else "text"
