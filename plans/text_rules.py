"""What a typed or imported text may hold, in one place (issues M2, M3, L3).

- `clean_text`: a Word line break (vertical tab) becomes a newline; other C0 control characters
  (NUL included, which PostgreSQL refuses) and DEL are dropped. Every text our models store passes
  here before it is saved (plans/apps.py connects it to pre_save), whichever way it came in.
- `cell_value`/`append_row`/`write_cell`: what goes into a workbook cell. Text is cleaned of what
  Excel refuses and is always written as text: a title typed as `=HYPERLINK(...)` stays a title
  and never becomes a live formula in a file someone else opens.
"""

import re

from openpyxl.cell.cell import TYPE_FORMULA, TYPE_STRING

_VERTICAL_TAB = re.compile(r"[\x0b\x0c]")  # Word's manual line break, and the form feed
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def clean_text(value):
    if not isinstance(value, str):
        return value
    return _CONTROL.sub("", _VERTICAL_TAB.sub("\n", value))


def cell_value(value):
    return clean_text(value) if isinstance(value, str) else value


def _as_text(cell):
    if cell.data_type == TYPE_FORMULA:
        cell.data_type = TYPE_STRING
    return cell


def append_row(sheet, values):
    """sheet.append(values) with every text written as text (never a formula)."""
    sheet.append([cell_value(value) for value in values])
    for cell in sheet[sheet.max_row]:
        _as_text(cell)


def write_cell(sheet, *, row, column, value):
    return _as_text(sheet.cell(row=row, column=column, value=cell_value(value)))


# The apps whose stored text is cleaned before every save (Django's own and libraries' are left alone).
CLEANED_APPS = {"plans", "projects", "budget", "reports", "demo"}


def clean_model_text(sender, instance, **kwargs):
    """pre_save: clean every character and text field of our models, whichever way the value came."""
    if sender._meta.app_label not in CLEANED_APPS:
        return
    for field in sender._meta.concrete_fields:
        if field.get_internal_type() in ("CharField", "TextField", "SlugField"):
            value = getattr(instance, field.attname)
            if isinstance(value, str):
                setattr(instance, field.attname, clean_text(value))


# --- Codes (issue L3) -------------------------------------------------------------------------

_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")


def normalise_code(value):
    """A code as it is compared and stored: NFKC (full-width look-alikes become ASCII), Thai digits as
    Arabic, no spaces around. Raises ValueError (a Thai sentence) when it is not one printable line."""
    import unicodedata

    code = unicodedata.normalize("NFKC", value or "").translate(_THAI_DIGITS).strip()
    for char in code:
        category = unicodedata.category(char)
        if category[0] == "C" or category in ("Zl", "Zp", "So", "Cs") or (category == "Zs" and char != " "):
            shown = f"U+{ord(char):04X}"
            raise ValueError(
                f"รหัสโครงการต้องเป็นข้อความบรรทัดเดียวที่พิมพ์ได้ (ตัวอักษร ตัวเลข เครื่องหมาย เช่น 67-04) "
                f"แต่มีอักขระพิเศษ {shown} กรุณาพิมพ์รหัสใหม่"
            )
    return code
