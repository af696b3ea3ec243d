"""The annual report's template context: figures from reports/figures/annual.py, the development plan's
direction and indicator results, the office budget, and the planner's own text."""

from budget import office_budget as budget_labels
from plans.devplan_selectors import plan_outline, targets_vs_results
from plans.models import PlanItemKind
from plans.thai_formats import to_arabic_digits, to_thai_digits
from reports.annual import photos
from reports.annual.parts import GROUPING_SENTENCES, PARTS
from reports.figures.annual import MATRIX_COLUMNS, annual_figures
from reports.figures.annual_sources import office_budget


def paragraphs(text):
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def title(report):
    convert = to_thai_digits if report.digits == "thai" else to_arabic_digits
    return f"รายงานผลการดำเนินงาน ประจำปีงบประมาณ พ.ศ. {convert(str(report.be_year))}"


def default_foreword(report):
    convert = to_thai_digits if report.digits == "thai" else to_arabic_digits
    office = report.office
    return (
        f"{office.name} ได้ดำเนินงานตามแผนปฏิบัติการ ประจำปีงบประมาณ พ.ศ.\u00a0{convert(str(report.be_year))} "
        f"จึงได้จัดทำรายงานผลการดำเนินงาน ประจำปีงบประมาณ พ.ศ.\u00a0{convert(str(report.be_year))} "
        f"เพื่อสรุปผลการดำเนินงานตามกลยุทธ์ ผลการดำเนินโครงการและการใช้จ่ายงบประมาณในรอบปีที่ผ่านมา "
        f"เผยแพร่ให้หน่วยงานที่เกี่ยวข้องและสาธารณชนได้รับทราบ ตลอดจนนำปัญหาอุปสรรคและข้อเสนอแนะ "
        f"ไปใช้เป็นแนวทางในการวางแผนและพัฒนาการดำเนินงานในปีงบประมาณต่อไป\n"
        f"ขอขอบคุณผู้รับผิดชอบโครงการและผู้มีส่วนเกี่ยวข้องทุกท่านที่ให้ข้อมูลจนรายงานฉบับนี้เสร็จสมบูรณ์"
    )


def direction(plan):
    """Vision, missions, goals and strategies of the development plan the action plan follows."""
    devplan = plan.development_plan
    outline = plan_outline(devplan)
    return {
        "plan": devplan,
        "vision": devplan.vision,
        "missions": outline.of(PlanItemKind.MISSION),
        "goals": outline.of(PlanItemKind.GOAL),
        "strategies": [block.strategy for block in outline.strategies],
    }


def devplan_results(plan):
    devplan = plan.development_plan
    year = plan.fiscal_year.be_year
    return targets_vs_results(devplan, year) if devplan.covers(year) else None


def annual_context(report):
    plan = report.action_plan
    fig = annual_figures(plan, grouping=report.grouping)
    photos.choose(fig, report)
    parts = [key for key in PARTS if key in (report.parts or [])]
    foreword = report.foreword or default_foreword(report)
    return {
        "report": report,
        "d": report.digits,
        "fig": fig,
        "office": plan.office,
        "plan": plan,
        "be_year": report.be_year,
        "title": title(report),
        "parts": parts,
        "grouping_label": GROUPING_SENTENCES.get(report.grouping, ""),
        "direction": direction(plan) if "direction" in parts else None,
        "budget": office_budget(plan) if "budget" in parts else None,
        "devplan_results": devplan_results(plan) if "indicators" in parts else None,
        "budget_labels": {"office": budget_labels.OFFICE_MONEY_LABEL, "projects": budget_labels.PROJECT_MONEY_LABEL,
                          "separation": budget_labels.SEPARATION_NOTE, "central": budget_labels.CENTRAL_NOTE},
        "matrix_columns": [label for _kind, label in MATRIX_COLUMNS],
        "foreword_paragraphs": paragraphs(foreword),
        "problems": paragraphs(report.office_problems),
        "recommendations": paragraphs(report.office_recommendations),
    }
