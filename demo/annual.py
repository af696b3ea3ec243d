"""The demo office's annual report of FY2567 (issue #17), published once so `make run` shows it.

The planner's own text (foreword, the office's problems and recommendations) is written the way the
reference reports write it (002 part 4, 004 chapter 4), drawn from the demo projects' problems."""

from reports.annual.models import AnnualReport
from reports.annual.services import annual_report_publish

PROBLEMS = """ได้รับจัดสรรงบประมาณล่าช้า ทำให้บางโครงการต้องเลื่อนกิจกรรมไปดำเนินการในไตรมาสที่ ๓ และ ๔
ระยะเวลาในการดำเนินโครงการ/กิจกรรมค่อนข้างน้อย เมื่อเทียบกับจำนวนกลุ่มเป้าหมาย
ครูและบุคลากรทางการศึกษาติดภารกิจการเรียนการสอน ทำให้เข้าร่วมกิจกรรมไม่ครบตามเป้าหมาย
การรายงานผลผ่านหลายระบบซ้ำซ้อน ผู้รับผิดชอบโครงการต้องกรอกข้อมูลเดิมหลายครั้ง"""

RECOMMENDATIONS = """วางแผนการใช้จ่ายงบประมาณตามยอดที่ได้รับแจ้งจัดสรร และเตรียมกิจกรรมทดแทนไว้ล่วงหน้า
บูรณาการโครงการ/กิจกรรมที่มีกลุ่มเป้าหมายเดียวกัน เพื่อใช้งบประมาณอย่างคุ้มค่าและลดภาระครู
ใช้การประชุมและนิเทศติดตามผ่านระบบออนไลน์ควบคู่กับการลงพื้นที่
ใช้ข้อมูลจากระบบติดตามของสำนักงานเป็นแหล่งเดียวในการรายงานผล"""


def seed_annual(plan, planner, upsert):
    """The annual report of `plan`'s year, published on the first run only (rendering takes a while)."""
    report = upsert(AnnualReport, {"action_plan": plan}, {
        "document_number": f"12/{plan.fiscal_year.be_year}", "grouping": "strategy", "signer": "กลุ่มนโยบายและแผน",
        "office_problems": PROBLEMS, "office_recommendations": RECOMMENDATIONS, "created_by": planner,
    })
    if not report.publications.exists():
        annual_report_publish(report=report, user=planner)
    return report
