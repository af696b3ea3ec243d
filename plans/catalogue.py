"""The shared alignment catalogue, kept from a versioned data file (catalogue/*.json) by the
management command load_catalogue, and the short codes the plan workbook writes for its items.

A catalogue item is written in the workbook as "<prefix>:<code>", e.g. "MP:12" for master plan 12 or
"OBEC:3" for OBEC policy 3 of the plan's year; several are separated by commas.
"""

import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction

from plans.models import AlignmentItem, AlignmentKind

PREFIXES = {
    AlignmentKind.NATIONAL_STRATEGY: "NS",
    AlignmentKind.MASTER_PLAN: "MP",
    AlignmentKind.SUB_PLAN: "SP",
    AlignmentKind.NESDP_MILESTONE: "NESDP",
    AlignmentKind.OBEC_POLICY: "OBEC",
    AlignmentKind.MINISTRY_POLICY: "MOE",
    AlignmentKind.OBEC_FOCUS: "FOCUS",
    AlignmentKind.QUICK_POLICY: "QP",
    AlignmentKind.OFFICE_STANDARD: "STD",
}
KINDS_BY_PREFIX = {prefix: kind for kind, prefix in PREFIXES.items()}
LEGEND = " · ".join(f"{prefix} = {AlignmentKind(kind).label}" for kind, prefix in PREFIXES.items())


def alignment_code(item):
    return f"{PREFIXES[item.kind]}:{item.code}"


def items_for_year(be_year):
    """The catalogue a plan of `be_year` may use: the lasting items and that year's."""
    return list(AlignmentItem.objects.filter(be_year__isnull=True) | AlignmentItem.objects.filter(be_year=be_year))


def parse_alignment(cell, items):
    """(items, errors) for a cell such as "NS:3, MP:12, SP:12.1"; errors are Thai messages."""
    by_code = {(PREFIXES[i.kind], i.code.casefold()): i for i in items}
    found, errors = [], []
    for token in [t.strip() for t in re.split(r"[,;\n]+", cell or "") if t.strip()]:
        match = re.fullmatch(r"([A-Za-z]+)\s*[:：]\s*(\S+)", token)
        if not match or match[1].upper() not in KINDS_BY_PREFIX:
            errors.append(f"“{token}” ไม่ใช่รหัสความสอดคล้อง ให้เขียนเป็น ประเภท:รหัส เช่น MP:12 ({LEGEND})")
            continue
        item = by_code.get((match[1].upper(), match[2].casefold()))
        if item is None:
            errors.append(f"ไม่พบ “{token}” ในรายการความสอดคล้องของปีนี้ ดูรหัสที่ใช้ได้ในแผ่นงาน “รายการ”")
        elif item not in found:
            found.append(item)
    return found, errors


# --- loading a catalogue file ------------------------------------------------------------------


@dataclass
class CatalogueLoad:
    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)
    unchanged: int = 0
    not_in_file: list = field(default_factory=list)


def _key(kind, code, be_year):
    return (kind, str(code), be_year)


def catalogue_load(data, *, dry_run=False):
    """Create or update the catalogue items listed in `data` (a parsed catalogue file), all or none.

    Items are matched by (kind, code, year). Items the file does not list are left alone (projects may
    point at them) and reported. Raises ValidationError (Thai) naming every bad entry.
    """
    entries, errors = data.get("items") if isinstance(data, dict) else None, []
    if not isinstance(entries, list):
        raise ValidationError("ไฟล์รายการความสอดคล้องต้องมี \"items\" เป็นรายการ")
    kinds = set(AlignmentKind.values)
    seen = {}
    for number, entry in enumerate(entries, start=1):
        kind, code, title = entry.get("kind"), str(entry.get("code", "")).strip(), str(entry.get("title", "")).strip()
        be_year = entry.get("be_year")
        if kind not in kinds:
            errors.append(f"รายการที่ {number}: ไม่มีประเภท “{kind}” (ใช้ได้: {', '.join(sorted(kinds))})")
        if not code or len(code) > 20:
            errors.append(f"รายการที่ {number}: รหัสต้องมีและยาวไม่เกิน 20 ตัวอักษร")
        if not title:
            errors.append(f"รายการที่ {number}: ไม่มีชื่อ")
        if be_year is not None and not (isinstance(be_year, int) and 2500 <= be_year <= 2700):
            errors.append(f"รายการที่ {number}: ปีต้องเป็น พ.ศ. เช่น 2567 หรือ null สำหรับรายการที่ไม่ผูกกับปี")
        key = _key(kind, code, be_year)
        if key in seen:
            errors.append(f"รายการที่ {number}: ซ้ำกับรายการที่ {seen[key]}")
        seen[key] = number
    existing = {_key(i.kind, i.code, i.be_year): i for i in AlignmentItem.objects.all()}
    for number, entry in enumerate(entries, start=1):
        parent = entry.get("parent")
        if parent is not None:
            parent_key = _key(parent.get("kind"), parent.get("code"), parent.get("be_year"))
            if seen.get(parent_key, number) >= number and parent_key not in existing:
                errors.append(
                    f"รายการที่ {number}: ไม่พบรายการแม่ {parent.get('kind')} {parent.get('code')} "
                    "(รายการแม่ต้องอยู่ก่อนรายการลูกในไฟล์)"
                )
    if errors:
        raise ValidationError(errors)
    result = CatalogueLoad()
    with transaction.atomic():
        for order, entry in enumerate(entries, start=1):
            key = _key(entry["kind"], str(entry["code"]).strip(), entry.get("be_year"))
            parent = entry.get("parent")
            values = {
                "title": str(entry["title"]).strip(),
                "display_order": entry.get("display_order", order),
                "parent": existing.get(_key(parent["kind"], parent["code"], parent.get("be_year"))) if parent else None,
            }
            item = existing.get(key)
            if item is None:
                item = AlignmentItem(kind=key[0], code=key[1], be_year=key[2], **values)
                item.save()
                existing[key] = item
                result.created.append(item)
            elif any(getattr(item, name) != value for name, value in values.items()):
                for name, value in values.items():
                    setattr(item, name, value)
                item.save()
                result.updated.append(item)
            else:
                result.unchanged += 1
        result.not_in_file = [i for k, i in existing.items() if k not in seen]
        if dry_run:
            transaction.set_rollback(True)
    return result
