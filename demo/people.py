"""Demo accounts (password "demo" for all). Owners' names come from the reference's detail sections;
where it gives only a first name (the register), the last name is left blank rather than invented.
"""

PASSWORD = "demo"

# More roles than the main one (issue #15): the finance group's director owns project 25 and also
# records disbursements; the plan's second analyst owns project 26 and also plans.
EXTRA_ROLES = {"somkiat": ["finance"], "wanida": ["planner"]}

# username: (first_name, last_name, role, group abbreviation or None, position)
PEOPLE = {
    "planner": ("นางสาวพิมพ์ชนก", "ใจดี", "planner", "กนผ.", "นักวิเคราะห์นโยบายและแผนชำนาญการ"),
    "director": ("นายประเสริฐ", "สาครวงศ์", "director", None,
                 "ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษาประถมศึกษาสมุทรสาคร"),
    "finance": ("นางสาวศิริพร", "มั่นทรัพย์", "finance", "กบส.", "นักวิชาการเงินและบัญชีชำนาญการ"),
    "deputy": ("นางวิมลรัตน์", "ทองประเสริฐ", "director", None,
               "รองผู้อำนวยการสำนักงานเขตพื้นที่การศึกษาประถมศึกษาสมุทรสาคร"),
    # Project owners (role staff), named in the register.
    "attaphon": ("ว่าที่ ร.อ.อรรถพล", "ห้วยกรุด", "staff", "กนต.", "ศึกษานิเทศก์"),
    "chirakon": ("ชิรากร", "", "staff", "กนต.", "ศึกษานิเทศก์"),
    "sawitri": ("นางสาวสาวิตรี", "เหลืองสุรีย์", "staff", "กนต.", "ศึกษานิเทศก์ชำนาญการพิเศษ"),
    "ekkarat": ("เอกรัฐ", "", "staff", "กนต.", "ศึกษานิเทศก์"),
    "amonsri": ("นางสาวอมรศรี", "แสงส่องฟ้า", "staff", "กนต.", "ศึกษานิเทศก์ชำนาญการพิเศษ"),
    "chongrak": ("นายจงรัก", "รุ่งเรืองศิรินนท์", "staff", "กนต.",
                 "ผู้อำนวยการกลุ่มนิเทศ ติดตามและประเมินผลการจัดการศึกษา"),
    "phatthithiphon": ("ภัทรฐิติพร", "", "staff", "กนต.", "ศึกษานิเทศก์"),
    "sosathitma": ("นางสาวโสสถิตมา", "ไกรเกตุ", "staff", "กสศ.", "นักวิชาการศึกษา"),
    "kanlaya": ("นางสาวกัลยา", "คงบัน", "staff", "กสศ.", "นักวิชาการศึกษาชำนาญการ"),
    "nattawat": ("นายณัฐวัฒน์", "วุฒิเศรษฐกรณ์", "staff", "กสศ.", "นักวิชาการศึกษาปฏิบัติการ"),
    "alinda": ("อลินดา", "", "staff", "กสศ.", "นักวิชาการศึกษา"),
    "thanathon": ("นายธนาธร", "จุงวงษ์สุข", "staff", "กบค.", "นักทรัพยากรบุคคลชำนาญการ"),
    "thadaphon": ("นางสาวธดาภรณ์", "ศรีสุข", "staff", "กบค.", "นักทรัพยากรบุคคลปฏิบัติการ"),
    "wannisa": ("นางสาววรรณนิศา", "แก้วนุ้ย", "staff", "กอก.", "เจ้าพนักงานธุรการปฏิบัติงาน"),
    "amonrat": ("นางอมรรัตน์", "มินออน", "staff", "กอก.", "นักจัดการงานทั่วไปชำนาญการพิเศษ"),
    "somkiat": ("นายสมเกียรติ", "เหล่าประเสริฐศักดิ์", "staff", "กบส.",
                "ผู้อำนวยการกลุ่มบริหารงานการเงินและสินทรัพย์"),
    "niracha": ("นางสาวนิรชา", "ชนะประเสริฐ", "staff", "กบส.", "นักวิชาการเงินและบัญชีชำนาญการ"),
    "wanida": ("นางสาววนิดา", "ขอชนะ", "staff", "กนผ.", "นักวิเคราะห์นโยบายและแผนปฏิบัติการ"),
}
