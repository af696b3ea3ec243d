"""The planner's list of the office's mail: what was sent, what was not and why; send again."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from plans.access import member_or_404, require_role
from plans.models import Role
from projects.notifications.models import Mail, MailState
from projects.notifications.services import resend

LISTED = 200


def mails_of(user):
    return Mail.objects.filter(office_id=member_or_404(user).office_id).select_related("report__project")


@login_required
def mail_list(request):
    require_role(request.user, Role.PLANNER)
    mails = mails_of(request.user)
    return render(request, "reporting/mails.html", {
        "mails": mails[:LISTED],
        "failed": mails.filter(state=MailState.FAILED).count(),
    })


@login_required
@require_POST
def mail_resend(request, pk):
    mail = mails_of(request.user).filter(pk=pk).first()
    if mail is None:
        raise Http404("ไม่พบอีเมลนี้")
    require_role(request.user, Role.PLANNER)
    if mail.state != MailState.FAILED:
        messages.info(request, "อีเมลนี้ไม่ได้ส่งไม่สำเร็จ จึงไม่ต้องส่งอีกครั้ง")
    else:
        resend(mail)
        mail.refresh_from_db()
        if mail.state == MailState.SENT:
            messages.success(request, "ส่งอีเมลแล้ว")
        elif mail.state == MailState.FAILED:
            messages.error(request, f"ยังส่งไม่ได้: {mail.error}")
        else:
            messages.info(request, "ส่งอีเมลเข้าคิวแล้ว")
    return redirect("reporting:mails")
