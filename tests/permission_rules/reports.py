"""Booklets and the dashboard (issue #4): planners set up and publish booklets; every member of the
office reads published booklets, the Excel tables and the dashboard; another office sees nothing."""

import hashlib

from tests.permission_rules import Rule

MEMBERS = {"anonymous": 302, "owner_a": 200, "owner_b": 200, "planner": 200, "director": 200,
           "finance": 200}
PLANNERS_ONLY = {"anonymous": 302, "owner_a": 403, "owner_b": 403, "planner": 200, "director": 403,
                 "finance": 403}


def booklet(world):
    from reports.models import Booklet

    return Booklet.objects.get_or_create(action_plan=world.plan, months=6)[0]


def publication(world):
    from reports.models import Publication

    pdf = b"%PDF-1.7 permission test"
    return Publication.objects.get_or_create(
        booklet=booklet(world), title="test",
        defaults={"pdf": pdf, "sha256": hashlib.sha256(pdf).hexdigest(), "size": len(pdf),
                  "published_by": world.planner},
    )[0]


def job(world, kind, state="done"):
    from reports.jobs.models import DocumentJob

    return DocumentJob.objects.get_or_create(
        booklet=booklet(world), kind=kind, state=state,
        defaults={"requested_by": world.planner, "result": b"file", "steps": 4, "step": 4},
    )[0]


def as_redirect(expect):
    return {user: 302 if code == 200 else code for user, code in expect.items()}


def of_booklet(world):
    return {"pk": booklet(world).pk}


def of_booklet_project(world):
    """A project the 6-month booklet prints in full (a submitted Q2 report): its section in the preview."""
    from projects.models import QuarterlyReport

    QuarterlyReport.objects.update_or_create(project=world.project_a, quarter=2,
                                             defaults={"state": "submitted", "status": "in_progress"})
    return {"pk": booklet(world).pk, "project_pk": world.project_a.pk}


def of_booklet_group(world):
    return {"pk": booklet(world).pk, "group_pk": world.project_a.group_id}


def of_booklet_cancelled(world):
    """A cancelled project, so the booklet's register has cancelled lines to show."""
    from projects.models import Project

    Project.objects.filter(pk=world.project_b.pk).update(cancelled=True, cancelled_reason="ยกเลิกตามนโยบาย")
    return {"pk": booklet(world).pk}


def of_booklet_section(world):
    """The section of project A's status in the 6-month booklet (it reported Q2: in progress)."""
    of_booklet_project(world)
    return {"pk": booklet(world).pk, "key": "in_progress"}


RULES = {
    # Each member's own office: the other office's planner sees their own dashboard and list.
    "reports:dashboard": Rule(expect={**MEMBERS, "other_planner": 200}),
    "reports:booklets": Rule(expect={**MEMBERS, "other_planner": 200}),
    # Planners and directors read their own office's history (issue #11, M9).
    "reports:office_history": Rule(expect={**PLANNERS_ONLY, "director": 200, "other_planner": 200}),
    "reports:booklet_new": Rule(expect={**PLANNERS_ONLY, "other_planner": 200}),
    "reports:booklet_edit": Rule(kwargs=of_booklet, expect={**PLANNERS_ONLY, "other_planner": 404}),
    "reports:booklet_preview": Rule(kwargs=of_booklet, expect={**PLANNERS_ONLY, "other_planner": 404}),
    # The preview's parts loaded on demand (issue #12): a project's section and the digest.
    "reports:booklet_preview_project": Rule(kwargs=of_booklet_project, expect={**PLANNERS_ONLY, "other_planner": 404}),
    "reports:booklet_preview_digest": Rule(kwargs=of_booklet, expect={**PLANNERS_ONLY, "other_planner": 404}),
    # ... and the register's lines of a group, the cancelled projects' and a section's list.
    "reports:booklet_preview_register": Rule(kwargs=of_booklet_group, expect={**PLANNERS_ONLY, "other_planner": 404}),
    "reports:booklet_preview_cancelled": Rule(kwargs=of_booklet_cancelled,
                                              expect={**PLANNERS_ONLY, "other_planner": 404}),
    "reports:booklet_preview_section": Rule(kwargs=of_booklet_section, expect={**PLANNERS_ONLY, "other_planner": 404}),
    # Files are made by a job: the answer is the job's progress page.
    "reports:booklet_pdf": Rule(kwargs=of_booklet, expect={**PLANNERS_ONLY, "planner": 302, "other_planner": 404}),
    "reports:booklet_excel": Rule(kwargs=of_booklet, expect={**as_redirect(MEMBERS), "other_planner": 404}),
    "reports:job": Rule(kwargs=lambda w: {"pk": job(w, "pdf").pk}, expect={**PLANNERS_ONLY, "other_planner": 404}),
    "reports:job_status": Rule(kwargs=lambda w: {"pk": job(w, "pdf").pk},
                               expect={**PLANNERS_ONLY, "other_planner": 404}),
    "reports:job_file": Rule(kwargs=lambda w: {"pk": job(w, "excel").pk},
                             expect={**MEMBERS, "other_planner": 404}),
    "reports:job_retry": Rule(method="POST", kwargs=lambda w: {"pk": job(w, "pdf", state="failed").pk},
                              expect={**PLANNERS_ONLY, "planner": 302, "other_planner": 404}),
    "reports:booklet_publish": Rule(method="POST", kwargs=of_booklet,
                                    expect={**PLANNERS_ONLY, "planner": 302, "other_planner": 404}),
    "reports:publication_pdf": Rule(kwargs=lambda w: {"pk": publication(w).pk},
                                    expect={**MEMBERS, "other_planner": 404}),
    # Print views of one project and one report (issue #19): every member of the office reads them.
    "reports:print_project": Rule(kwargs=lambda w: {"pk": w.project_a.pk}, expect={**MEMBERS, "other_planner": 404}),
    "reports:print_report": Rule(kwargs=lambda w: {"pk": w.project_a.pk, "quarter": 2},
                                 expect={**MEMBERS, "other_planner": 404}),
}
