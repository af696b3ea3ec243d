"""Q3 and Q4 of the demo year (invented: reference 003 stops at the 6-month round), so that the 9- and
12-month booklets, the dashboard and the board have a whole year to show (issue #10).

Each project's status per quarter follows a plausible course from its Q2 state:
- projects completed by Q2 (2, 15, 16, 17, 24) report nothing more: their status carries forward;
- of those that missed Q2, some catch up (4, 5, 11, 12, 13), two never report again (8, 10);
- the rest finish in Q3 or Q4; 22 (recruitment) is still in progress at year end, 18 never starts.
Money: a quarter's owner-reported spending and finance's disbursement are the spending plan's
amount for the quarter, capped at what is left of the allocation; where they differ from the plan,
the report says why.
"""

from datetime import date as d
from decimal import Decimal

NS, IP, C = "not_started", "in_progress", "completed"

# {project no: {quarter: status}}; a project or quarter not listed has no report.
COURSE = {
    1: {3: IP, 4: C}, 3: {3: IP, 4: C}, 4: {3: IP, 4: C}, 5: {3: C}, 6: {3: C},
    7: {3: IP, 4: C}, 9: {3: IP, 4: C}, 11: {3: C}, 12: {3: IP, 4: C}, 13: {3: NS, 4: IP},
    14: {3: C}, 18: {3: NS, 4: NS}, 19: {3: IP, 4: C}, 20: {3: IP, 4: C}, 21: {3: IP, 4: C},
    22: {3: IP, 4: IP}, 23: {3: C}, 25: {3: IP, 4: C}, 26: {3: IP, 4: C},
}

PAID_ON = {3: d(2024, 5, 15), 4: d(2024, 8, 15)}
SUBMITTED_ON = {3: (2024, 7, 8), 4: (2024, 10, 8)}
REVIEWED_ON = {3: (2024, 7, 15), 4: (2024, 10, 15)}
# Q3 reports still waiting for the planner's review at the end of the demo: none; Q4: these two.
SUBMITTED_IN_Q4 = (22, 26)

RESULTS = {
    IP: "ดำเนินกิจกรรมตามแผนในไตรมาสที่ {q} ต่อเนื่องจากไตรมาสก่อน: {goal}",
    C: "ดำเนินการครบทุกกิจกรรมตามแผนแล้วเสร็จในไตรมาสที่ {q} บรรลุเป้าหมายของโครงการ: {goal}",
    NS: "ยังไม่ได้ดำเนินการในไตรมาสที่ {q} รอแนวทางการดำเนินงานจากหน่วยงานต้นสังกัด",
}
PROBLEMS = {IP: "กิจกรรมบางส่วนต้องปรับกำหนดการให้สอดคล้องกับปฏิทินของสถานศึกษา", C: "-", NS: "-"}
SUGGESTIONS = {IP: "ควรแจ้งกำหนดการล่วงหน้าให้สถานศึกษาทราบอย่างน้อยหนึ่งเดือน", C: "-", NS: "-"}
VARIANCE = "เบิกจ่ายตามค่าใช้จ่ายจริงและงบประมาณคงเหลือของโครงการ ไม่เท่ากับที่ประมาณการไว้ในแผน"


def _money(amount):
    return Decimal(str(amount))


def course(data):
    """[(quarter, entry)] of the project's Q3/Q4 reports and [(date, amount, source, reference)] of its
    Q3/Q4 disbursements, from its spending plan and what it has been paid so far."""
    no = data["no"]
    allocated = sum((_money(a) for a in data["alloc"].values()), Decimal("0"))
    paid_so_far = sum((_money(p[1]) for p in data["paid"]), Decimal("0"))
    entries, paid = [], []
    for quarter, status in sorted(COURSE.get(no, {}).items()):
        planned = _money(data["plan"].get(quarter, 0))
        amount = Decimal("0") if status == NS else max(min(planned, allocated - paid_so_far), Decimal("0"))
        if amount > 0:
            paid_so_far += amount
            paid.append((PAID_ON[quarter], int(amount), None, f"ขบ.{quarter}{no:03d}/2567"))
        entry = {
            "status": status, "spent": int(amount),
            "results": RESULTS[status].format(q=quarter, goal=data["output_goal"]),
            "problems": PROBLEMS[status], "suggestions": SUGGESTIONS[status],
        }
        if amount != planned:
            entry["variance"] = VARIANCE
        entries.append((quarter, entry))
    return entries, paid
