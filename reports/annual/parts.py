"""The parts an annual report may print (cover, foreword and contents always print), and its groupings."""

PARTS = {
    "direction": "สภาพทั่วไปและทิศทางการพัฒนา (วิสัยทัศน์ พันธกิจ เป้าหมาย กลยุทธ์)",
    "budget": "ผลการเบิกจ่ายงบประมาณของสำนักงาน จำแนกตามงบรายจ่าย",
    "registers": "บัญชีโครงการตามแผนและโครงการเพิ่มระหว่างปี",
    "projects": "ผลการดำเนินงานรายโครงการ",
    "indicators": "ผลการดำเนินงานตามตัวชี้วัด",
    "findings": "ปัญหา อุปสรรค และข้อเสนอแนะของสำนักงาน",
    "alignment": "ความสอดคล้องของโครงการกับนโยบาย",
}

GROUPINGS = {
    "strategy": "ตามกลยุทธ์ของแผนพัฒนาการศึกษา",
    "group": "ตามกลุ่ม/หน่วยที่รับผิดชอบ",
    "policy": "ตามนโยบาย สพฐ.",
}


def all_parts():
    return list(PARTS)

# How the report says what its project blocks are grouped by.
GROUPING_SENTENCES = {
    "strategy": "จำแนกตามกลยุทธ์ของแผนพัฒนาการศึกษา",
    "group": "จำแนกตามกลุ่ม/หน่วยที่รับผิดชอบ",
    "policy": "จำแนกตามนโยบาย สพฐ.",
}
