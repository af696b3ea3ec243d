"""Year-end reports (รายงานผลการดำเนินงานเมื่อสิ้นสุดโครงการ) of the demo year 2567 (issue #17).

INVENTED: reference 003 prints only the blank completion form, so every answer here is made up to be
plausible (Thai wording after 003's form and 002's project blocks). Each project's report follows its
course in demo/later_quarters.py:
- 8 and 10 stopped reporting after Q2: no year-end report (counted as not reported);
- 4, 13 and 22 (still in progress at year end) and 18 (never started) did not achieve their aims, with reasons
  and missed indicators; 20 achieved overall but missed one of its two indicators;
- 22 and 26 are sent and wait for the planner; 21 was returned with a comment; the rest are accepted;
- the money left (allocation − disbursements, from budget.selectors) is: none left, returned,
  cancelled with the project (18), moved to another project (16 → 17), carried on (22);
- project 15's second indicator has no target this year (N/A, not assessed);
- projects 3, 12 and 19 carry photos (drawn by demo/evidence.py).
Idempotent: rows are found by their natural keys and saved only when a field differs.
"""

import datetime
from decimal import Decimal

from django.core.files.base import ContentFile

from budget.selectors import project_money
from demo.evidence import activity_photo
from projects.evidence.services import Upload, attachments_store

NO_REPORT = {8, 10}
SUBMITTED = {22, 26}
RETURNED = {21: "กรุณาระบุวันที่ดำเนินการจริงของขั้นตอนที่ 2 และแนบภาพกิจกรรมอย่างน้อย 1 ภาพ"}
NOT_ACHIEVED = {
    4: "จัดกิจกรรมได้เพียงครึ่งหนึ่งของแผน เนื่องจากสถานศึกษาติดภารกิจการทดสอบระดับชาติ (O-NET) ในช่วงเวลาที่กำหนด",
    13: "โครงการยังดำเนินการไม่แล้วเสร็จ เนื่องจากได้รับแจ้งแนวทางจากหน่วยงานต้นสังกัดล่าช้าถึงไตรมาสที่ 4",
    18: "ไม่ได้ดำเนินการ เนื่องจากหน่วยงานต้นสังกัดยังไม่แจ้งแนวทางการดำเนินงานภายในปีงบประมาณ",
    22: "จัดสอบคัดเลือกรอบที่ 1 แล้วเสร็จ แต่ยังบรรจุครูผู้ช่วยไม่ครบตามอัตราว่าง ต้องจัดสอบรอบที่ 2",
}
# Missed indicators: (project no, indicator position) -> (share of the target reached, reason).
MISSED = {
    (4, 1): (Decimal("0.5"), "สถานศึกษาเข้าร่วมได้ร้อยละ 50 เนื่องจากชนกับช่วงการทดสอบระดับชาติ"),
    (13, 1): (Decimal("0.4"), "ดำเนินการได้เพียงบางส่วนเมื่อสิ้นปีงบประมาณ จะดำเนินการต่อในปีถัดไป"),
    (18, 1): (Decimal("0"), "ไม่ได้ดำเนินโครงการในปีงบประมาณนี้"),
    (22, 1): (Decimal("0.6"), "บรรจุครูผู้ช่วยได้ร้อยละ 60 ของอัตราว่าง ส่วนที่เหลือรอการสอบรอบที่ 2"),
    (20, 1): (Decimal("0.95"), "ครูบางส่วนย้ายสถานศึกษาระหว่างปี จึงไม่ได้รับการประเมินครบตามเป้าหมาย"),
}
NOT_ASSESSED = {(15, 2)}
MOVED = {16: 17}  # project no -> project no the money left went to
CARRIED = {22: ("กิจกรรมที่ 2 สอบคัดเลือกครูผู้ช่วย รอบที่ 2 งบประมาณ 60,000 บาท\n"
                "วัตถุประสงค์ เพื่อคัดเลือกครูผู้ช่วยให้ครบตามอัตราว่างที่ได้รับอนุมัติ",
                "สพฐ. อนุมัติอัตราว่างเพิ่มเติมในเดือนสิงหาคม 2567 จึงต้องจัดสอบรอบที่ 2 ในปีงบประมาณถัดไป")}
PHOTOS = {
    3: ["ครูนำเสนอผลงาน Best Practice การจัดการเรียนรู้ประวัติศาสตร์เชิงรุก",
        "คณะกรรมการประเมินผลงานที่เป็นเลิศ"],
    12: ["ประชุมสรุปผลการดำเนินงานโครงการเมื่อสิ้นปีงบประมาณ"],
    19: ["นิเทศติดตามโรงเรียนสุจริต ณ โรงเรียนในสังกัด", "นักเรียนแกนนำโรงเรียนสุจริตนำเสนอกิจกรรม"],
}
HIGHLIGHTS = "ได้รับความร่วมมือจากสถานศึกษาในสังกัดเป็นอย่างดี และมีเครือข่ายครูที่เข้มแข็ง"
PROBLEMS = {True: "ระยะเวลาดำเนินการบางกิจกรรมตรงกับช่วงที่สถานศึกษามีภารกิจมาก",
            False: "ได้รับแจ้งแนวทางและงบประมาณล่าช้า ทำให้ดำเนินการไม่ทันภายในปีงบประมาณ"}
SUGGESTIONS = {True: "ควรแจ้งกำหนดการล่วงหน้าให้สถานศึกษาทราบอย่างน้อยหนึ่งเดือน",
               False: "ควรปรับแผนการดำเนินงานให้ยืดหยุ่นและเริ่มกิจกรรมตั้งแต่ไตรมาสที่ 1"}
NEXT_YEAR = {True: "ขยายผลการดำเนินงานไปยังสถานศึกษาขนาดเล็ก และติดตามผลอย่างต่อเนื่อง",
             False: "ดำเนินกิจกรรมที่ค้างให้แล้วเสร็จในไตรมาสแรกของปีงบประมาณถัดไป"}
SUBMITTED_ON = datetime.datetime(2024, 10, 21, 10, 0, tzinfo=datetime.UTC)
REVIEWED_ON = datetime.datetime(2024, 10, 28, 14, 0, tzinfo=datetime.UTC)


def _disposition(no, remaining, projects_by_no):
    if no == 18:
        return {"disposition": "cancelled"}
    if no in CARRIED:
        activities, reason = CARRIED[no]
        return {"disposition": "carried_on", "carried_amount": remaining, "carried_activities": activities,
                "carried_reason": reason}
    if no in MOVED and remaining > 0:
        return {"disposition": "moved", "moved_to": projects_by_no[MOVED[no]], "moved_amount": remaining}
    return {"disposition": "none" if remaining == 0 else "returned"}


def _report_values(data, project, users, remaining, projects_by_no):
    no = data["no"]
    achieved = no not in NOT_ACHIEVED
    state = "submitted" if no in SUBMITTED else "returned" if no in RETURNED else "accepted"
    reviewed = state != "submitted"
    blank = {"moved_to": None, "moved_amount": None, "carried_amount": None, "carried_activities": "",
             "carried_reason": ""}
    return {
        "state": state, "verdict": "achieved" if achieved else "not_achieved",
        "verdict_reason": NOT_ACHIEVED.get(no, ""),
        "quantitative_results": f"{'ดำเนินการแล้วเสร็จ' if achieved else 'ดำเนินการได้บางส่วน'}: {data['output_goal']}",
        "qualitative_results": data["outcome_goal"] if achieved else "",
        **blank, **_disposition(no, remaining, projects_by_no),
        "highlights": HIGHLIGHTS if achieved else "ไม่มี", "problems": PROBLEMS[achieved],
        "suggestions": SUGGESTIONS[achieved], "next_year_approach": NEXT_YEAR[achieved],
        "submitted_by": users[data["owners"][0]], "submitted_at": SUBMITTED_ON,
        "reviewed_by": users["planner"] if reviewed else None, "reviewed_at": REVIEWED_ON if reviewed else None,
        "review_comment": RETURNED.get(no, ""),
    }


def _step_dates(quarters, fiscal_year):
    """Invented actual dates: the 15th of the first planned quarter's middle month to the 20th of the
    last planned quarter's last month."""
    from plans.thai_calendar import quarter_bounds

    start = quarter_bounds(fiscal_year, quarters[0])[0] + datetime.timedelta(days=44)
    end = quarter_bounds(fiscal_year, quarters[-1])[1] - datetime.timedelta(days=10)
    return start, end


def seed_year_end(rows, users, upsert):
    from projects.models import Indicator, YearEndIndicatorResult, YearEndObjective, YearEndReport, YearEndStep

    projects_by_no = {data["no"]: project for data, project, *_ in rows}
    for data, project, activities, indicators, _alignment in rows:
        no = data["no"]
        for position, indicator in enumerate(indicators, start=1):
            kind = "na" if (no, position) in NOT_ASSESSED else ("number" if indicator.target_value is not None
                                                                 else "text")
            upsert(Indicator, {"pk": indicator.pk}, {"kind": kind})
        if no in NO_REPORT:
            YearEndReport.objects.filter(project=project).delete()
            continue
        remaining = project_money(project).remaining
        report = upsert(YearEndReport, {"project": project},
                        _report_values(data, project, users, remaining, projects_by_no))
        achieved = no not in NOT_ACHIEVED
        goals = [g for g in (data["output_goal"], data["outcome_goal"]) if g]
        for order, goal in enumerate(goals, start=1):
            met = achieved or order == 1 and no == 4
            upsert(YearEndObjective, {"report": report, "display_order": order},
                   {"text": goal, "met": met, "note": "" if met else "ยังไม่บรรลุ ดูสาเหตุในผลการดำเนินโครงการ"})
        report.objectives.exclude(display_order__lte=len(goals)).delete()
        for order, activity in enumerate(activities, start=1):
            quarters = activity.planned_quarters or [4]
            start, end = _step_dates(quarters, project.action_plan.fiscal_year.be_year)
            done = no != 18
            upsert(YearEndStep, {"report": report, "display_order": order}, {
                "activity": activity, "title": activity.title,
                "planned_period": _period(quarters), "started_on": start if done else None,
                "finished_on": end if done and (achieved or order == 1) else None})
        report.steps.exclude(display_order__lte=len(activities)).delete()
        for position, indicator in enumerate(indicators, start=1):
            share, reason = MISSED.get((no, position), (Decimal("1"), ""))
            if indicator.target_value is not None:
                values = {"value": (indicator.target_value * share).quantize(Decimal("0.01")), "text": ""}
            else:
                values = {"value": None, "text": indicator.target_text if share == 1 else "ดำเนินการได้บางส่วน"}
            upsert(YearEndIndicatorResult, {"report": report, "indicator": indicator},
                   {**values, "miss_reason": reason})
        _photos(no, project, report, users[data["owners"][0]])


def _period(quarters):
    first, last = quarters[0], quarters[-1]
    return f"ไตรมาส {first}" if first == last else f"ไตรมาส {first}–{last}"


def _photos(no, project, report, owner):
    if no not in PHOTOS or report.attachments.exists():
        return
    uploads = []
    for n, caption in enumerate(PHOTOS[no], start=1):
        file = ContentFile(activity_photo(no * 100 + n), name=f"IMG_YE{no:02d}{n:02d}.jpg")
        uploads.append(Upload(name=file.name, file=file, caption=caption))
    attachments_store(project=project, report=report, user=owner, uploads=uploads)
