"""Finding a member by what people type: a username, an e-mail, or their real name.

Used wherever an owner or a group head is named in text (the plan workbook, the people sheet).
A name that fits more than one person is refused with the candidates listed, so nobody is made
owner of a project by a guess.
"""

import re
from dataclasses import dataclass

# คำนำหน้าชื่อ most often written in front of a first name (longest first, so "นางสาว" beats "นาง").
TITLES = sorted(
    [
        "นาย", "นาง", "นางสาว", "น.ส.", "ดร.", "ว่าที่ร้อยตรี", "ว่าที่ ร.ต.", "ว่าที่ร.ต.", "ว่าที่ ร.อ.",
        "ว่าที่ร.อ.", "ว่าที่ร้อยโท", "ว่าที่ร้อยเอก", "ว่าที่ร้อยตรีหญิง", "ว่าที่ ร.ต.หญิง",
    ],
    key=len,
    reverse=True,
)


def squash(text):
    """Lower-case without spaces: "นางสาว พิมพ์ชนก  ใจดี" and "นางสาวพิมพ์ชนก ใจดี" are the same name."""
    return "".join((text or "").split()).casefold()


def without_title(first_name):
    text = (first_name or "").strip()
    for title in TITLES:
        if text.startswith(title) and len(text) > len(title):
            return text[len(title):].strip()
    return text


def full_name(user):
    return f"{user.first_name} {user.last_name}".strip() or user.username


def names_of(user):
    """Every way of writing the user's name that identifies them, squashed."""
    bare = without_title(user.first_name)
    names = {squash(user.first_name), squash(bare)}
    if user.last_name:
        names |= {squash(f"{user.first_name}{user.last_name}"), squash(f"{bare}{user.last_name}")}
    return {name for name in names if name}


@dataclass
class Lookup:
    user: object = None
    error: str = ""


def find_person(users, text):
    """The one user among `users` that `text` names: username, e-mail, full name or first name.

    A username or e-mail wins over a name. Returns Lookup(user) or Lookup(error=...) in Thai,
    listing the candidates when the name is ambiguous.
    """
    wanted = squash(text)
    if not wanted:
        return Lookup(error="ไม่ได้ระบุชื่อ")
    # "นางสาวพิมพ์ชนก ใจดี (planner)", as the plan workbook writes owners: the username decides.
    match = re.fullmatch(r"(.*)\(([^()]+)\)", text.strip())
    if match:
        inside = squash(match[2])
        by_username = [u for u in users if u.username.casefold() == inside]
        if by_username:
            return Lookup(by_username[0])
    by_username = [u for u in users if u.username.casefold() == wanted]
    if by_username:
        return Lookup(by_username[0])
    by_email = [u for u in users if u.email and u.email.casefold() == wanted]
    if len(by_email) == 1:
        return Lookup(by_email[0])
    by_name = [u for u in users if wanted in names_of(u)]
    if len(by_name) == 1:
        return Lookup(by_name[0])
    if len(by_name) > 1 or len(by_email) > 1:
        candidates = ", ".join(f"{full_name(u)} ({u.username})" for u in (by_name or by_email))
        return Lookup(error=f"มีบุคลากรหลายคนตรงกับ “{text}”: {candidates} กรุณาระบุชื่อ-นามสกุลเต็มหรือชื่อผู้ใช้")
    return Lookup(error=f"ไม่พบบุคลากรในหน่วยงานที่มีชื่อ ชื่อผู้ใช้ หรืออีเมล “{text}”")
