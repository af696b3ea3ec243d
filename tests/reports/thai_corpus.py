"""Thai words whose PDF text broke before the text layer was fixed (issue #14), by what breaks them.

Every word is a real word of the booklets' kind; each group is what HarfBuzz and the font do to it.
"""

# ำ after a tone mark: NIKHAHIT + tone mark + SARA AA, the tone mark shifted.
AM_AFTER_TONE = (
    "น้ำ ค่ำ ซ้ำ ต่ำ ล้ำ ย้ำ ค้ำ ร่ำ ช้ำ น้ำใจ น้ำท่วม ค่ำคืน ซ้ำซาก ต่ำกว่า ล้ำหน้า "
    "ย้ำเตือน ค้ำประกัน ร่ำรวย กล้ำกลืน แหล่งน้ำ"
)
# ำ: decomposed into NIKHAHIT + SARA AA.
AM = (
    "ทำ จำ ดำ คำ นำ สำนัก กำหนด ตำบล อำเภอ ประจำ ดำเนิน สำเร็จ ลำดับ กำลัง จำนวน ทำงาน คำนำ "
    "นำเสนอ สำคัญ ตำแหน่ง อำนาจ ชำระ จำเป็น กำกับ สำรวจ อำนวยการ ทำให้ คำสั่ง ดำเนินงาน ประจำปี"
)
# Tone marks lowered on short consonants, or shifted left on tall ones (ป ฝ ฟ ฬ).
LOWERED_TONE = (
    "กลุ่ม ไม่ ผู้ ต่อ ส่ง ค่า ว่า ได้ ใช้ ให้ เข้า ข้อ ต้อง ด้วย ช่วง ร่วม หน่วย ย่อย ก่อน จ่าย "
    "แต่ ป่า ฝ่าย ฟ้า ป้าย เป้า แก้ไข ห้อง บ้าน เก่า ต่าง ล่าง ช่าง สร้าง ล้าน ร้อยละ ข่าว เร่ง"
)
# SARA U and SARA UU under the consonant, alone or with a tone mark.
SARA_U = (
    "ครู ดู รู้ สู่ หมู่ ปุ๋ย ถุง บุคคล คุณภาพ ประชุม มุ่ง สุข ภูมิ ลูก ปู่ ชุมชน ศูนย์ กู้ ตู้ "
    "พูด ทุก ขุด จุด สูง ผูก มูลค่า อนุมัติ อุปสรรค สนับสนุน ปรับปรุง"
)
# MAI HAN-AKAT, alone or under a tone mark.
MAI_HAN_AKAT = (
    "กัน ขั้น วัน ทั้ง สัญญา ปัญหา พัฒนา จัด รับ ดังนี้ ครั้ง ตั้ง นั้น กลั่น มั่น ยั่งยืน "
    "สัมมนา ปัจจุบัน สังกัด นักเรียน ทักษะ คัดเลือก ประกันคุณภาพ อัตรา"
)
# THANTHAKHAT, alone or after another mark.
THANTHAKHAT = (
    "ศักดิ์ ทั้งสิ้น สิทธิ์ ผลลัพธ์ จันทร์ ประสิทธิ์ เกณฑ์ สัมพันธ์ อาทิตย์ สัปดาห์ ประโยชน์ "
    "ทรัพย์ โทรศัพท์ ลักษณ์ ยุทธศาสตร์ คอมพิวเตอร์ สร้างสรรค์ วัตถุประสงค์ องค์กร อนุรักษ์ "
    "ศักยภาพ พิมพ์ ประชาสัมพันธ์ เทคโนโลยีดิจิทัล กิจกรรมสัมพันธ์"
)
# Two marks stacked over one consonant (upper vowel + tone mark).
STACKED = (
    "ที่ นี้ ชี้ พื้น เพื่อ เชื่อม ชื่อ ลื่น สิ้น ทิ้ง ยิ่ง ขึ้น หนึ่ง ซึ่ง ครึ่ง อื่น ตื่น ปี่ ฟื้น "
    "ปิ่น ผลิตภัณฑ์ ตัวชี้วัด พื้นที่ เบื้องต้น ที่ปรึกษา"
)
# Letters drawn without their tail over a lower vowel, and other positional forms.
POSITIONAL = "ปัญญา ญาติ หญิง ฐาน รัฐ ฐานะ บุญ กตัญญู ปฏิบัติ ปฏิทิน กฎหมาย ฎีกา ธุรกิจ คุณธรรม"
# The booklet's own vocabulary.
BOOKLET = (
    "เบิกจ่าย งบประมาณ ไตรมาส โครงการ กิจกรรม แผนปฏิบัติการ ข้อเสนอแนะ สถานศึกษา การศึกษา "
    "ประถมศึกษา มัธยมศึกษา เขตพื้นที่ นโยบายและแผน บริหารงานบุคคล ส่งเสริม นิเทศ ติดตาม ประเมินผล "
    "ความก้าวหน้า เป้าหมาย ผลการดำเนินงาน ยังไม่ได้ดำเนินการ อยู่ระหว่างดำเนินการ ดำเนินการแล้ว "
    "สำนักงาน คณะกรรมการ ขั้นพื้นฐาน กระทรวงศึกษาธิการ ผู้รับผิดชอบ ผู้บริหาร"
)

GROUPS = {
    "am_after_tone": AM_AFTER_TONE,
    "am": AM,
    "lowered_tone": LOWERED_TONE,
    "sara_u": SARA_U,
    "mai_han_akat": MAI_HAN_AKAT,
    "thanthakhat": THANTHAKHAT,
    "stacked": STACKED,
    "positional": POSITIONAL,
    "booklet": BOOKLET,
}
WORDS = list(dict.fromkeys(word for group in GROUPS.values() for word in group.split()))
