"""Reading and printing a strategy indicator's target or result as the planner types it.

One parser for the pages and the Excel workbook: "80", "๘๐", "1,200", "ระดับ 5", "ดีเยี่ยม", "มี",
"N/A" or blank. Numbers keep 2 decimals; a level must be a step of the indicator's scale.
"""

from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError

from plans.thai_formats import format_number, to_arabic_digits, to_thai_digits

NA_WORDS = {"", "n/a", "na", "-", "(n/a)", "ไม่มีค่าเป้าหมาย"}
YES_WORDS = {"1", "มี", "ใช่", "ผ่าน", "yes", "y"}
NO_WORDS = {"0", "ไม่มี", "ไม่ใช่", "ไม่ผ่าน", "no", "n"}
NUMERIC_KINDS = {"percent", "count", "mean"}
MAX_NUMBER = Decimal("999999999999.99")


def is_na(text):
    return (text or "").strip().lower() in NA_WORDS


def parse_value(kind, text, *, levels=(), what="ค่า"):
    """(value, text) for the model from what was typed; (None, "") for N/A. ValidationError in Thai."""
    raw = " ".join(to_arabic_digits(str(text or "")).split())
    if is_na(raw):
        return None, ""
    if kind in NUMERIC_KINDS:
        cleaned = raw.replace(",", "").removeprefix("ร้อยละ").removesuffix("%").strip()
        try:
            number = Decimal(cleaned)
        except InvalidOperation:
            raise ValidationError(f"{what} “{text}” ต้องเป็นตัวเลข เช่น 80 หรือ 92.44 (เว้นว่างหรือ N/A ถ้าไม่มี)") from None
        if not number.is_finite() or number < 0 or number > MAX_NUMBER:
            raise ValidationError(f"{what} “{text}” ต้องเป็นตัวเลขตั้งแต่ 0 ขึ้นไป")
        if kind == "percent" and number > 100:
            raise ValidationError(f"{what} “{text}” เป็นร้อยละ ต้องไม่เกิน 100")
        if number != number.quantize(Decimal("0.01")):
            raise ValidationError(f"{what} “{text}” มีทศนิยมได้ไม่เกิน 2 ตำแหน่ง")
        return number.quantize(Decimal("0.01")), ""
    if kind == "yes_no":
        word = raw.lower()
        if word in YES_WORDS:
            return Decimal("1.00"), ""
        if word in NO_WORDS:
            return Decimal("0.00"), ""
        raise ValidationError(f"{what} “{text}” ต้องเป็น “มี” หรือ “ไม่มี”")
    if kind == "level":
        scale = [" ".join(to_arabic_digits(level).split()) for level in levels]
        if not scale:
            raise ValidationError("ตัวชี้วัดชนิดระดับต้องกำหนดลำดับขั้นของระดับก่อน (บรรทัดละขั้น จากต่ำไปสูง)")
        if raw not in scale:
            raise ValidationError(f"{what} “{text}” ไม่อยู่ในลำดับขั้นของระดับ กรุณาเลือกจาก: {', '.join(levels)}")
        return None, levels[scale.index(raw)].strip()
    if len(raw) > 200:
        raise ValidationError(f"{what} ยาวเกิน 200 ตัวอักษร")
    return None, raw


def show_value(kind, value, text, *, digits="thai"):
    """The target or result as printed: "๘๐.๐๐", "ระดับ ๕", "มี", "N/A"."""
    if value is None and not text:
        return "N/A"
    if kind == "yes_no":
        return "มี" if value == 1 else "ไม่มี"
    if value is not None:
        # Percents and counts print as typed in 001 ("๘๐", "๙๔.๒๖"); mean scores keep two decimals ("๔๙.๐๐").
        if kind != "mean" and value == value.to_integral_value():
            value = value.quantize(1)
        return format_number(value, digits=digits)
    if kind == "level":
        # A level is a step of the indicator's own scale ("ระดับ 5"): printed in the document's digits.
        return to_thai_digits(text) if digits == "thai" else to_arabic_digits(text)
    return text


def typed_value(kind, value, text):
    """What the planner typed, to put back into a form or a spreadsheet cell."""
    if value is None and not text:
        return ""
    if kind == "yes_no":
        return "มี" if value == 1 else "ไม่มี"
    if value is not None:
        return format_number(value, digits="arabic").replace(",", "")
    return text
