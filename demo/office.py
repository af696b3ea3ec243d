"""The office, its groups, its development plan and strategies, the fiscal year and its calendar."""

from datetime import date

OFFICE = {
    "name": "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาสมุทรสาคร",
    "short_name": "สพป.สมุทรสาคร",
    "address": "2/3 หมู่ 8 ถนนเศรษฐกิจ 1 ตำบลท่าทราย อำเภอเมืองสมุทรสาคร จังหวัดสมุทรสาคร 74000",
    # The reference gives no phone or e-mail: these are plausible demo values.
    "phones": "0 3441 1000",
    "website": "https://www.skn.go.th",
    "email": "saraban@skn.go.th",
    # Signatures (issue #15). The director is the demo account "director"; deputies are plausible demo names.
    "director_name": "นายประเสริฐ สาครวงศ์",
    "director_position": "ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษาประถมศึกษาสมุทรสาคร",
}

# รองผู้อำนวยการ (name, position); the first is also the demo account "deputy".
DEPUTIES = [
    ("นางวิมลรัตน์ ทองประเสริฐ", "รองผู้อำนวยการสำนักงานเขตพื้นที่การศึกษาประถมศึกษาสมุทรสาคร"),
    ("นายอนุชา พึ่งทอง", "รองผู้อำนวยการสำนักงานเขตพื้นที่การศึกษาประถมศึกษาสมุทรสาคร"),
]

# ผู้อำนวยการกลุ่ม who are demo accounts (the register names them): group → username.
GROUP_HEADS = {"กนต.": "chongrak", "กบส.": "somkiat"}

# (abbreviation, name, short name as in the reference tables), in the register's order.
GROUPS = [
    ("กนต.", "กลุ่มนิเทศ ติดตามและประเมินผลการจัดการศึกษา", "นิเทศ ติดตามฯ"),
    ("กสศ.", "กลุ่มส่งเสริมการจัดการศึกษา", "ส่งเสริมฯ"),
    ("กบค.", "กลุ่มบริหารงานบุคคล", "บริหารงานบุคคล"),
    ("กอก.", "กลุ่มอำนวยการ", "อำนวยการ"),
    ("กบส.", "กลุ่มบริหารงานการเงินและสินทรัพย์", "บริหารงานการเงินฯ"),
    ("กนผ.", "กลุ่มนโยบายและแผน", "นโยบายและแผน"),
]

DEVELOPMENT_PLAN = {
    "title": "แผนพัฒนาการศึกษาขั้นพื้นฐาน สำนักงานเขตพื้นที่การศึกษาประถมศึกษาสมุทรสาคร",
    "first_be_year": 2566,
    "last_be_year": 2570,
    "vision": "ผู้เรียนมีคุณภาพ มีทักษะการเรียนรู้ในศตวรรษที่ 21 บนพื้นฐานความเป็นไทย "
              "ด้วยการบริหารจัดการที่มีประสิทธิภาพ",
}

MISSIONS = [
    "ยกระดับคุณภาพการศึกษาให้ได้มาตรฐาน",
    "สร้างโอกาสและความเสมอภาคทางการศึกษาให้ประชากรวัยเรียนทุกคน",
    "พัฒนาผู้บริหาร ครู และบุคลากรทางการศึกษาให้มีความเชี่ยวชาญ",
    "ส่งเสริมการมีส่วนร่วมของภาคีเครือข่าย",
    "ส่งเสริมให้สถานศึกษาปลอดภัยและมีความสุข",
    "พัฒนาการบริหารจัดการตามหลักปรัชญาของเศรษฐกิจพอเพียง",
]

# Titles from the reference, lines 113–125.
STRATEGIES = {
    1: "ยกระดับคุณภาพการศึกษาให้ได้มาตรฐาน สอดคล้องกับการเปลี่ยนแปลงในศตวรรษที่ 21",
    2: "สนับสนุนการสร้างโอกาสและความเสมอภาคทางการศึกษาให้กับประชากรวัยเรียนทุกคน",
    3: "สนับสนุนผู้บริหาร ครู และบุคลากรทางการศึกษาให้มีความเชี่ยวชาญในการจัดการศึกษา",
    4: "ส่งเสริมการบริหารจัดการแบบมีส่วนร่วมของบุคลากรและภาคีเครือข่ายในการจัดการศึกษา",
    5: "ส่งเสริมให้สถานศึกษาและสำนักงานเขตฯ มีความปลอดภัยและมีความสุข",
    6: "พัฒนาประสิทธิภาพการบริหารจัดการศึกษาให้มีความเข้มแข็งภายใต้หลักปรัชญาของเศรษฐกิจพอเพียง",
}

FISCAL_YEAR = 2567
ACTION_PLAN_TITLE = "แผนปฏิบัติการประจำปีงบประมาณ พ.ศ. 2567 สำนักงานเขตพื้นที่การศึกษาประถมศึกษาสมุทรสาคร"

# Cumulative disbursement targets per quarter. Demo values, not the cabinet's resolution.
CABINET_TARGETS = {1: 30, 2: 54, 3: 77, 4: 100}

# The office's usual report deadlines (10 days after each quarter), proposed when a window opens.
QUARTER_DEADLINES = {1: date(2024, 1, 10), 2: date(2024, 4, 10), 3: date(2024, 7, 10), 4: date(2024, 10, 10)}

# Every window is closed: the demo shows the office after its year. Q1 and Q2 follow reference 003;
# Q3 and Q4 are invented (demo/later_quarters.py) so that the 9- and 12-month rounds have content.
REPORTING_WINDOWS = [
    {"quarter": 1, "deadline": date(2024, 1, 10), "closed_on": (2024, 1, 15)},
    {"quarter": 2, "deadline": date(2024, 4, 10), "closed_on": (2024, 4, 17)},
    {"quarter": 3, "deadline": date(2024, 7, 10), "closed_on": (2024, 7, 17)},
    {"quarter": 4, "deadline": date(2024, 10, 10), "closed_on": (2024, 10, 17)},
]
