"""The booklet preview in the browser (issue #12): the summaries at once; the register's lines (group by
group), each section's list of projects, each project's section and the digest on demand. The whole
booklet took 2.5 s at 1,000 projects, and rendering its 1,000-line register and 1,000 section titles
still took 1.1 s; the page itself needs only the summary figures (reports.figures with
detail=False: plain rows, one query per table), and each part loads its own projects' owners and blocks.
Every part comes from the same figures and the same templates as the PDF
(tests/reports/test_booklet_preview.py puts the parts back together and compares them with the whole)."""

from django.db.models import prefetch_related_objects
from django.http import Http404
from django.urls import reverse

from projects.models import QuarterlyReport
from reports import evidence
from reports.context import booklet_context, params_of
from reports.figures import figures_from_rows, load_round, project_figures
from reports.figures.compute import digest_of
from reports.figures.types import Round


def _round(params):
    return Round(params.action_plan.fiscal_year.be_year, params.months, params.as_of)


def summary_figures(params):
    """The round's figures without report blocks, as plain rows (what the register's remarks and notes
    read included); owners, blocks and report texts are loaded by the part that prints them."""
    plan, rnd = params.action_plan, _round(params)
    projects, groups, strategies, sources, targets = load_round(plan, rnd, detail=False)
    return figures_from_rows(plan, rnd, projects, groups, strategies, sources, targets,
                             grouping=params.grouping, detail=False)


def _with_owners(rows):
    """Owners and their positions (the register's owner column, the title-only lists) for these rows only."""
    prefetch_related_objects([r.project for r in rows], "owners__memberships")
    return rows


def summary_context(booklet):
    """The preview page: cover to register, the register's lines and the sections' lists on demand."""
    params = params_of(booklet)
    context = booklet_context(params, fig=summary_figures(params))
    context["lazy"] = True
    return context


def _base(params, fig, title):
    return {"p": params, "d": params.digits, "rnd": _round(params), "office": params.action_plan.office,
            "fig": fig, "title": title}


def register_context(booklet, group_pk):
    """One group's lines of the register, or (group_pk None) the cancelled projects': the same lines,
    numbers and note references as the whole register."""
    params = params_of(booklet)
    fig = summary_figures(params)
    register = fig.register_table
    if group_pk is None:
        part, group, lines = "cancelled", None, register.cancelled
        title = "บัญชีสรุปโครงการ: โครงการที่ยกเลิก"
    else:
        part = f"g{group_pk}"
        group, lines = next(((g, lines) for g, lines in register.groups if g.group.pk == group_pk), (None, None))
        if group is None:
            raise Http404("ไม่มีกลุ่มนี้ในบัญชีสรุปโครงการของเล่มรายงานฉบับนี้")
        title = f"บัญชีสรุปโครงการ: {group.group.name}"
    if not lines:
        raise Http404("ไม่มีโครงการในส่วนนี้ของบัญชีสรุปโครงการ")
    _with_owners([line.row for line in lines])
    rows = {id(line.row) for line in lines}
    context = _base(params, fig, title)
    context.update(part=part, group=group, lines=lines, reg=register,
                   notes=[note for note in register.notes if id(note.row) in rows])
    return context


def section_context(booklet, key):
    """One section's list of projects: those printed in full (each opened on demand) and those listed by
    title, numbered as in the PDF."""
    params = params_of(booklet)
    fig = summary_figures(params)
    section = next((s for s in fig.sections if s.key == key), None)
    if section is None:
        raise Http404("ไม่มีส่วนนี้ในเล่มรายงานฉบับนี้")
    _with_owners(section.brief_rows)
    context = _base(params, fig, section.title)
    context["section"] = section
    return context


def _position(fig, project_pk):
    """(section, number in its section, summary row) of a project printed in full, as the PDF numbers it."""
    for section in fig.sections:
        for n, row in enumerate(section.full_rows, start=1):
            if row.project.pk == project_pk:
                return section, n, row
    raise Http404("โครงการนี้ไม่มีรายละเอียดในเล่มรายงานฉบับนี้")


class _OneProject:
    """What reports.evidence reads from a booklet's figures, for one project's row."""

    def __init__(self, row):
        self.all_rows = [row]


def project_context(booklet, project_pk):
    params = params_of(booklet)
    section, n, summary_row = _position(summary_figures(params), project_pk)
    rnd = _round(params)
    projects, _groups, _strategies, sources, _targets = load_round(
        params.action_plan, rnd, detail=True, project_ids=[project_pk])
    row = project_figures(projects[0], rnd, sources, detail=True)
    row.number = summary_row.number
    fig = _OneProject(row)
    evidence.choose_for_blocks(fig, params)
    context = {"p": params, "d": params.digits, "rnd": rnd, "office": params.action_plan.office, "r": row, "n": n,
               "fig": fig, "section": section, "title": f"{n}. {row.project.title}"}
    evidence.link_photos(context)
    return context


def digest_context(booklet):
    """The digest of problems and suggestions: the summary rows and one query for their latest reports'
    texts."""
    params = params_of(booklet)
    fig = summary_figures(params)
    latest = [r.latest_report.id for r in fig.rows if r.latest_report is not None]
    texts = {pk: (problems, suggestions) for pk, problems, suggestions in QuarterlyReport.objects.filter(
        pk__in=latest).order_by().values_list("pk", "problems", "suggestions")}
    fig.digest = digest_of(fig.groups, texts)
    return _base(params, fig, "สรุปปัญหาอุปสรรคและข้อเสนอแนะ")


def part_toolbar(booklet, anchor):
    return [{"url": reverse("reports:booklet_preview", args=[booklet.pk]) + f"#{anchor}",
             "label": "← กลับไปที่ตัวอย่างเล่มรายงาน"}]
