"""{% evidence_panel project report %}: the photos and files of a report (or of the project itself)."""

from django import template

from projects.evidence.selectors import evidence_panel as build_panel

register = template.Library()


@register.inclusion_tag("evidence/_panel.html", takes_context=True)
def evidence_panel(context, project, report=None, no_report=False):
    request = context["request"]
    if no_report:
        # The report page before the first draft is saved: files need a report to hang from.
        return {"panel": None, "no_report": True, "request": request, "digits": context.get("digits")}
    return {"panel": build_panel(request.user, project, report), "request": request,
            "csrf_token": context.get("csrf_token"), "digits": context.get("digits")}
