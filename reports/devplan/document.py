"""Pure functions: a development plan (or one year's targets-vs-results report) → HTML → PDF bytes.

Same stylesheet as the booklet (static/css/booklet.css) plus static/css/devplan.css; CSS paginates
(repeated table headers, page counters, landscape pages for the indicator tables).
"""

from collections import Counter

from django.conf import settings
from django.template.loader import render_to_string

from plans.devplan_selectors import plan_outline, targets_vs_results
from reports import pdf_worker
from reports.pdf import STYLESHEET

DEVPLAN_STYLESHEET = settings.BASE_DIR / "static" / "css" / "devplan.css"


def _paragraphs(text):
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def _approach_groups(block):
    """Indicator rows grouped under their approach (แนวทางการพัฒนา), as 001's tables print them:
    [(approach or None, [(row, depth), ...])], approaches in number order, unattached indicators last."""
    groups, order = {}, []
    for row in block.indicators:
        key = row.indicator.approach_id
        if key not in groups:
            groups[key] = []
            order.append(key)
        groups[key].append((row, 0))
        groups[key].extend((child, 1) for child in row.children)
    approaches = {a.pk: a for a in block.approaches}
    order.sort(key=lambda pk: (pk is None, approaches[pk].number if pk in approaches else 0))
    return [(approaches.get(pk), groups[pk]) for pk in order]


def _common_baseline_year(outline):
    years = Counter(row.indicator.baseline_be_year for block in outline.strategies for row in block.indicators
                    if row.indicator.baseline_be_year)
    return years.most_common(1)[0][0] if years else None


def plan_document_context(plan, *, digits="thai"):
    outline = plan_outline(plan)
    return {
        "plan": plan, "office": plan.office, "outline": outline, "d": digits,
        "foreword": _paragraphs(plan.foreword), "context_paragraphs": _paragraphs(plan.context),
        "tables": [(block, _approach_groups(block)) for block in outline.strategies],
        "baseline_year": _common_baseline_year(outline),
        "swot": [(label, outline.of(kind)) for kind, label in (
            ("strength", "จุดแข็ง (Strengths)"), ("weakness", "จุดอ่อน (Weaknesses)"),
            ("opportunity", "โอกาส (Opportunities)"), ("threat", "อุปสรรค (Threats)"))],
    }


def render_plan_html(plan, *, screen=False, digits="thai"):
    return render_to_string("reports/devplan/document.html", {**plan_document_context(plan, digits=digits),
                                                              "screen": screen})


def render_results_html(plan, be_year, *, screen=False, digits="thai"):
    report = targets_vs_results(plan, be_year)
    return render_to_string("reports/devplan/results.html", {
        "plan": plan, "office": plan.office, "report": report, "year": be_year, "d": digits, "screen": screen,
    })


def pdf_from_html(html) -> bytes:
    return pdf_worker.document_pdf(html, base_url=str(settings.BASE_DIR), stylesheets=[STYLESHEET, DEVPLAN_STYLESHEET])


def render_plan_pdf(plan, *, digits="thai") -> bytes:
    return pdf_from_html(render_plan_html(plan, digits=digits))


def render_results_pdf(plan, be_year, *, digits="thai") -> bytes:
    return pdf_from_html(render_results_html(plan, be_year, digits=digits))
