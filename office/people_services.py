"""Writes about the office's people: add, edit, deactivate, reactivate, passwords.

Every function runs in one transaction and raises ValidationError with a Thai message saying what
to fix. A person is a Django user with one Membership (office, roles, group, position). Nobody is
deleted: a person who left is deactivated (cannot sign in) and stays the author of what they did
and the owner named on past projects.
"""

import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.contrib.auth.validators import UnicodeUsernameValidator
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from plans.models import Membership, Role

# No 0/O, 1/l/I: a temporary password is read aloud or copied from a screen.
_ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"
TEMPORARY_PASSWORD_LENGTH = 10
ROLE_VALUES = set(Role.values)


def temporary_password():
    return "".join(secrets.choice(_ALPHABET) for _ in range(TEMPORARY_PASSWORD_LENGTH))


def _clean_roles(role, extra_roles):
    if role not in ROLE_VALUES:
        raise ValidationError({"role": "กรุณาเลือกบทบาทหลัก"})
    unknown = [r for r in extra_roles if r not in ROLE_VALUES]
    if unknown:
        raise ValidationError({"extra_roles": f"ไม่มีบทบาท {', '.join(unknown)}"})
    # Staff adds nothing, and the main role is not repeated.
    return [r for r in Role.values if r in extra_roles and r not in (role, Role.STAFF)]


def _check_username(username, exclude_pk=None):
    try:
        UnicodeUsernameValidator()(username)
    except ValidationError:
        raise ValidationError(
            {"username": "ชื่อผู้ใช้ใช้ได้เฉพาะตัวอักษร ตัวเลข และ @ . + - _ โดยไม่มีช่องว่าง"}
        ) from None
    if get_user_model().objects.filter(username__iexact=username).exclude(pk=exclude_pk).exists():
        raise ValidationError({"username": f"ชื่อผู้ใช้ “{username}” มีผู้ใช้แล้ว กรุณาเลือกชื่ออื่น"})


def _check_group(office, group):
    if group is not None and group.office_id != office.pk:
        raise ValidationError({"group": "กลุ่มที่เลือกไม่ใช่ของหน่วยงานนี้"})


def _active_planners(office, exclude_pk=None):
    members = Membership.objects.filter(office=office, user__is_active=True).exclude(pk=exclude_pk)
    return [m for m in members if m.has_role(Role.PLANNER)]


def _keep_a_planner(membership, message):
    if membership.has_role(Role.PLANNER) and not _active_planners(membership.office, exclude_pk=membership.pk):
        raise ValidationError(message)


def _save_membership(membership, by, reason):
    membership._history_user = by
    membership._change_reason = reason[:100]
    membership.save()


@transaction.atomic
def person_create(
    *, office, by, username, first_name, last_name, title="", position="", email="", group=None,
    role=Role.STAFF, extra_roles=(), password=None,
):
    """Add a person to `office` with a temporary password; returns (membership, temporary password).

    They must choose their own password when they first sign in.
    """
    username = username.strip()
    _check_username(username)
    _check_group(office, group)
    extra = _clean_roles(role, list(extra_roles))
    password = password or temporary_password()
    user = get_user_model().objects.create_user(
        username=username,
        email=email.strip(),
        password=password,
        first_name=f"{title.strip()}{first_name.strip()}",
        last_name=last_name.strip(),
    )
    membership = Membership(
        user=user, office=office, role=role, extra_roles=extra, group=group, position=position.strip(),
        title=title.strip(), must_change_password=True,
    )
    _save_membership(membership, by, "เพิ่มบุคลากร")
    return membership, password


@transaction.atomic
def person_update(
    *, membership, by, username, first_name, last_name, title="", position="", email="", group=None,
    role=Role.STAFF, extra_roles=(),
):
    username = username.strip()
    user = membership.user
    _check_username(username, exclude_pk=user.pk)
    _check_group(membership.office, group)
    extra = _clean_roles(role, list(extra_roles))
    before = Membership(role=membership.role, extra_roles=membership.extra_roles)
    membership.role, membership.extra_roles = role, extra
    if before.has_role(Role.PLANNER) and not membership.has_role(Role.PLANNER):
        if not _active_planners(membership.office, exclude_pk=membership.pk):
            raise ValidationError(
                {"role": "หน่วยงานต้องมีนักวิเคราะห์นโยบายและแผนอย่างน้อยหนึ่งคน กรุณาให้บทบาทนี้กับคนอื่นก่อน"}
            )
    user.username = username
    user.email = email.strip()
    user.first_name = f"{title.strip()}{first_name.strip()}"
    user.last_name = last_name.strip()
    user.save()
    membership.title = title.strip()
    membership.group = group
    membership.position = position.strip()
    _save_membership(membership, by, "แก้ไขข้อมูลบุคลากร")
    return membership


@transaction.atomic
def person_deactivate(*, membership, by):
    """The person can no longer sign in; their name stays on everything they did or own."""
    if membership.user_id == by.pk:
        raise ValidationError("ปิดการใช้งานบัญชีของตนเองไม่ได้ กรุณาให้นักวิเคราะห์นโยบายและแผนคนอื่นทำ")
    _keep_a_planner(
        membership,
        "หน่วยงานต้องมีนักวิเคราะห์นโยบายและแผนที่ใช้งานอยู่อย่างน้อยหนึ่งคน กรุณาให้บทบาทนี้กับคนอื่นก่อน",
    )
    user = membership.user
    user.is_active = False
    user.save(update_fields=["is_active"])
    _save_membership(membership, by, "ปิดการใช้งานบัญชี")


@transaction.atomic
def person_reactivate(*, membership, by):
    user = membership.user
    user.is_active = True
    user.save(update_fields=["is_active"])
    _save_membership(membership, by, "เปิดการใช้งานบัญชีอีกครั้ง")


@transaction.atomic
def person_reset_password(*, membership, by):
    """A new temporary password (returned, to be shown once); the person changes it at next sign-in."""
    if not membership.user.is_active:
        raise ValidationError("บัญชีนี้ถูกปิดการใช้งานอยู่ กรุณาเปิดการใช้งานก่อนตั้งรหัสผ่านใหม่")
    password = temporary_password()
    user = membership.user
    user.set_password(password)
    user.save(update_fields=["password"])
    membership.must_change_password = True
    _save_membership(membership, by, "ตั้งรหัสผ่านชั่วคราว")
    return password


def person_send_reset_link(*, membership, by, base_url):
    """E-mail a one-time link (Django's token generator: it stops working once the password changes)."""
    user = membership.user
    if not user.is_active:
        raise ValidationError("บัญชีนี้ถูกปิดการใช้งานอยู่ กรุณาเปิดการใช้งานก่อนส่งลิงก์ตั้งรหัสผ่าน")
    if not user.email:
        raise ValidationError("บุคลากรคนนี้ยังไม่มีอีเมล กรุณาเพิ่มอีเมลในหน้าแก้ไขข้อมูล หรือใช้รหัสผ่านชั่วคราวแทน")
    uidb64 = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    path = reverse("password_reset_confirm", kwargs={"uidb64": uidb64, "token": token})
    context = {"user": user, "office": membership.office, "link": base_url.rstrip("/") + path, "by": by}
    send_mail(
        render_to_string("emails/password_link_subject.txt", context).strip(),
        render_to_string("emails/password_link.txt", context),
        settings.DEFAULT_FROM_EMAIL,
        [user.email],
    )
