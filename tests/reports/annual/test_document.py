"""What the annual report prints, checked against figures computed by hand from the `year` dataset
(tests/reports/annual/conftest.py: every number below is derived there)."""

from reports.annual.document import render_annual_html, render_annual_pdf
from tests.reports.annual.printed import html_text, pdf_text, squeeze


def _html(report, **changes):
    for name, value in changes.items():
        setattr(report, name, value)
    return html_text(render_annual_html(report))


def test_it_prints_each_register_with_its_achievement(annual):
    text = _html(annual)
    # In plan A, B, C, F: A achieved, B not, C and F without an accepted year-end -> 1 of 2 assessed.
    assert squeeze("โครงการตามแผนปฏิบัติการ จำนวน ๔ โครงการ ประเมินผลเมื่อสิ้นปีแล้ว ๒ โครงการ "
                   "บรรลุผลสัมฤทธิ์ ๑ จาก ๒ โครงการ คิดเป็นร้อยละ ๕๐.๐๐ ไม่บรรลุ ๑ โครงการ "
                   "ยังไม่รายงานผลเมื่อสิ้นปี ๒ โครงการ") in text
    # Added during the year: D achieved -> 1 of 1.
    assert squeeze("โครงการที่ดำเนินการเพิ่มเติมระหว่างปี จำนวน ๑ โครงการ ประเมินผลเมื่อสิ้นปีแล้ว ๑ โครงการ "
                   "บรรลุผลสัมฤทธิ์ ๑ จาก ๑ โครงการ คิดเป็นร้อยละ ๑๐๐.๐๐") in text


def test_it_lists_each_project_in_its_register_with_budget_owner_and_verdict(annual, year):
    text = _html(annual)
    # Register row: number, title, budget (whole baht), owner, verdict.
    assert squeeze(f"๑{year.a.title}๑๐,๐๐๐สมชาย ใจดีบรรลุ") in text
    assert squeeze(f"๒{year.b.title}๒๐,๐๐๐{year.g2.name}ไม่บรรลุ") in text
    assert squeeze(f"๓{year.c.title}-{year.g1.name}ยังไม่รายงาน") in text
    # D is numbered 1 again in the second list; E (cancelled) is not in either list.
    assert squeeze(f"๑{year.d.title}๕,๐๐๐{year.g2.name}บรรลุ") in text
    assert squeeze(f"โครงการที่ยกเลิก (ไม่นับในบัญชี): {year.e.title} ({year.e.cancelled_reason})") in text


def test_it_prints_the_projects_money_apart_from_the_office_budget(annual):
    text = _html(annual)
    # In plan 33,000 / 27,500 / 5,500 / 83.33; added 5,000 / 4,000 / 1,000 / 80.00; all 38,000 / 31,500 / 6,500 / 82.89.
    assert squeeze("โครงการตามแผนปฏิบัติการ๔๓๓,๐๐๐.๐๐๒๗,๕๐๐.๐๐๕,๕๐๐.๐๐๘๓.๓๓") in text
    assert squeeze("โครงการที่ดำเนินการเพิ่มเติมระหว่างปี๑๕,๐๐๐.๐๐๔,๐๐๐.๐๐๑,๐๐๐.๐๐๘๐.๐๐") in text
    assert squeeze("รวม๕๓๘,๐๐๐.๐๐๓๑,๕๐๐.๐๐๖,๕๐๐.๐๐๘๒.๘๙") in text
    # No office budget entered: the report says so instead of printing zeros.
    assert squeeze("ยังไม่มีข้อมูลงบประมาณของสำนักงานจำแนกตามงบรายจ่ายของปีนี้") in text


def test_it_prints_a_block_per_project_from_its_year_end(annual, year):
    text = _html(annual)
    # A: 10,000 allocated, 7,500 used, 2,500 left; results from the accepted year-end report.
    assert squeeze(f"๑. {year.a.title}") in text
    assert squeeze("(ไม่บรรลุ: เลื่อนไปปีหน้า) งบประมาณ ๑๐,๐๐๐ บาท ใช้จริง ๗,๕๐๐ บาท คงเหลือ ๒,๕๐๐ บาท") in text
    assert squeeze(f"กลุ่มงานที่รับผิดชอบ {year.g1.name} ผู้รับผิดชอบโครงการ สมชาย ใจดี") in text
    assert squeeze("วัตถุประสงค์ เพื่อพัฒนาครูด้านการอ่าน (บรรลุ) เพื่อสร้างเครือข่ายครู (ไม่บรรลุ: เลื่อนไปปีหน้า)") in text
    assert squeeze("เชิงปริมาณ ครู ๔๐ คนผ่านการอบรม เชิงคุณภาพ ครูนำความรู้ไปใช้ในห้องเรียน") in text
    assert squeeze("ผลการประเมินโครงการ ไม่บรรลุ เนื่องจาก ครูติดภารกิจ") in text
    assert squeeze("ตัวชี้วัดความสำเร็จ บรรลุ ๑ จาก ๑ ตัวชี้วัดที่ประเมินได้ (ไม่ประเมิน ๑)") in text
    assert squeeze("งบประมาณคงเหลือ สิ้นสุดโครงการแล้ว ขอส่งคืนงบประมาณคงเหลือ") in text
    # C has no year-end report: its last quarterly report's text, marked as such.
    assert squeeze("ยังไม่มีรายงานผลเมื่อสิ้นปีที่รับแล้ว ข้อความต่อไปนี้มาจากรายงานรายไตรมาสล่าสุด "
                   "อบรมครูแล้วตามรายงานไตรมาสที่สี่") in text
    # F's year-end was only submitted: its text is not printed as the year's result.
    assert "ส่งแล้ว" not in text


def test_it_counts_the_project_indicators_per_strategy_and_overall(annual):
    text = _html(annual)
    # A1, A2, B1, D1: 4 indicators, 3 assessed (A2 is N/A), 2 achieved -> 66.67 %.
    assert squeeze("ตัวชี้วัดความสำเร็จของโครงการมีทั้งหมด ๔ ตัวชี้วัด ประเมินได้ ๓ ตัวชี้วัด บรรลุค่าเป้าหมาย ๒ จาก ๓ "
                   "ตัวชี้วัด คิดเป็นร้อยละ ๖๖.๖๗ ไม่บรรลุ ๑ ตัวชี้วัด ยังไม่รายงานผล ๐ ตัวชี้วัด "
                   "และไม่ประเมิน (ค่าเป้าหมาย N/A) ๑ ตัวชี้วัด") in text
    # Row cells: total, assessed, achieved, percent, missed, not reported, N/A.
    assert squeeze("กลยุทธ์ที่ ๑ ยกระดับคุณภาพ ๓ ๒ ๑ ๕๐.๐๐ ๑ ๐ ๑") in text
    assert squeeze("กลยุทธ์ที่ ๒ เพิ่มโอกาส ๑ ๑ ๑ ๑๐๐.๐๐ ๐ ๐ ๐") in text
    # C has no indicators: a zero line, no percent.
    assert squeeze("โครงการทดสอบรายงานประจำปี C ๐ ๐ ๐ - ๐ ๐ ๐") in text
    assert squeeze("รวมทุกโครงการ ๔ ๓ ๒ ๖๖.๖๗ ๑ ๐ ๑") in text


def test_it_groups_the_projects_by_obec_policy_area(annual, year):
    annual.grouping = "policy"
    text = _html(annual)
    # B serves policies 1 and 2: it goes under the first; C serves none and comes last.
    blocks = text[text.index(squeeze("ผลการดำเนินงานรายโครงการ ประจำปีงบประมาณ")):]
    first = blocks.index(squeeze("นโยบาย สพฐ. ด้านที่ ๑ ด้านความปลอดภัย"))
    second = blocks.index(squeeze("นโยบาย สพฐ. ด้านที่ ๒ ด้านโอกาส"))
    none = blocks.index(squeeze("ไม่ได้ระบุความสอดคล้องกับนโยบาย สพฐ."))
    b, d, a, c = (blocks.index(squeeze(p.title)) for p in (year.b, year.d, year.a, year.c))
    assert first < b < d < second < a < none < c


def test_it_prints_the_office_findings_and_the_alignment_matrix(annual, year):
    text = _html(annual)
    assert squeeze("ปัญหาและอุปสรรค ๑. งบประมาณล่าช้า ๒. เวลาน้อย") in text or (
        squeeze("งบประมาณล่าช้า") in text and squeeze("เวลาน้อย") in text)
    assert squeeze("ข้อเสนอแนะและแนวทางการพัฒนา") in text and squeeze("จัดสรรงบต้นปี") in text
    matrix = text[text.index(squeeze("ความสอดคล้องของโครงการกับแผนและนโยบายระดับต่าง ๆ ที่")):]
    assert squeeze(f"{year.b.title}---๑. ด้านความปลอดภัย๒. ด้านโอกาส") in matrix


def test_parts_left_out_are_not_printed(annual):
    text = _html(annual, parts=["registers"])
    assert squeeze("บัญชีโครงการและผลสัมฤทธิ์") in text
    for absent in ("ผลการดำเนินงานตามตัวชี้วัด ประจำปี", "ความสอดคล้องของโครงการกับแผน", "ผลการบริหารงบประมาณ"):
        assert squeeze(absent) not in text


def test_arabic_digits_are_a_choice(annual):
    text = _html(annual, digits="arabic")
    assert squeeze("บรรลุผลสัมฤทธิ์ 1 จาก 2 โครงการ คิดเป็นร้อยละ 50.00") in text
    assert squeeze("รายงานผลการดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2567") in text


def test_the_pdf_prints_the_same_figures(annual, year):
    pdf = render_annual_pdf(annual)
    text = pdf_text(pdf)
    assert squeeze("รายงานผลการดำเนินงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๗") in text
    assert squeeze("บรรลุผลสัมฤทธิ์ ๑ จาก ๒ โครงการ คิดเป็นร้อยละ ๕๐.๐๐") in text
    assert squeeze("บรรลุผลสัมฤทธิ์ ๑ จาก ๑ โครงการ คิดเป็นร้อยละ ๑๐๐.๐๐") in text
    assert squeeze("บรรลุค่าเป้าหมาย ๒ จาก ๓ ตัวชี้วัด คิดเป็นร้อยละ ๖๖.๖๗") in text
    assert squeeze("๓๘,๐๐๐.๐๐๓๑,๕๐๐.๐๐๖,๕๐๐.๐๐๘๒.๘๙") in text
    assert squeeze(f"{year.a.title}") in text
