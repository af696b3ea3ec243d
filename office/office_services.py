"""Creating an office with its first planner (a deployment hosting many offices adds one)."""

from django.core.exceptions import ValidationError
from django.db import transaction

from office.people_services import person_create
from plans.models import Group, Office, Role

# The groups (กลุ่ม) an educational service area office has by the OBEC structure; optional.
STANDARD_GROUPS = [
    ("กลุ่มอำนวยการ", "อำนวยการ", "กอก."),
    ("กลุ่มนโยบายและแผน", "นโยบายและแผน", "กนผ."),
    ("กลุ่มบริหารงานการเงินและสินทรัพย์", "การเงินและสินทรัพย์", "กบส."),
    ("กลุ่มบริหารงานบุคคล", "บริหารงานบุคคล", "กบค."),
    ("กลุ่มส่งเสริมการจัดการศึกษา", "ส่งเสริมการจัดการศึกษา", "กสศ."),
    ("กลุ่มนิเทศ ติดตามและประเมินผลการจัดการศึกษา", "นิเทศ ติดตามฯ", "กนต."),
    ("กลุ่มพัฒนาครูและบุคลากรทางการศึกษา", "พัฒนาครูฯ", "กพค."),
    ("กลุ่มส่งเสริมการศึกษาทางไกล เทคโนโลยีสารสนเทศและการสื่อสาร", "ICT", "DLICT"),
    ("กลุ่มกฎหมายและคดี", "กฎหมายและคดี", "กมค."),
    ("หน่วยตรวจสอบภายใน", "ตรวจสอบภายใน", "ตสน."),
]


@transaction.atomic
def office_create(
    *, name, short_name, planner_username, planner_first_name, planner_last_name="", planner_title="",
    planner_email="", standard_groups=False, by=None,
):
    """A new office and its first planner; returns (office, planner membership, temporary password)."""
    name, short_name = name.strip(), short_name.strip()
    planner_username = planner_username.strip()
    if not name or not short_name:
        raise ValidationError("กรุณาระบุชื่อเต็มและชื่อย่อของหน่วยงาน")
    if len(name) > 200 or len(short_name) > 60:
        raise ValidationError("ชื่อหน่วยงานยาวเกิน (ชื่อเต็มไม่เกิน 200 ตัวอักษร ชื่อย่อไม่เกิน 60 ตัวอักษร)")
    if Office.objects.filter(name=name).exists():
        raise ValidationError(f"มีหน่วยงาน “{name}” ในระบบแล้ว")
    office = Office.objects.create(name=name, short_name=short_name)
    planner_group = None
    if standard_groups:
        for order, (group_name, group_short, abbreviation) in enumerate(STANDARD_GROUPS, start=1):
            group = Group.objects.create(
                office=office, name=group_name, short_name=group_short, abbreviation=abbreviation, display_order=order
            )
            if abbreviation == "กนผ.":
                planner_group = group
    membership, password = person_create(
        office=office, by=by, username=planner_username, first_name=planner_first_name,
        last_name=planner_last_name, title=planner_title, email=planner_email, group=planner_group,
        role=Role.PLANNER, position="นักวิเคราะห์นโยบายและแผน",
    )
    return office, membership, password
