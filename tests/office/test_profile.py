"""The office profile page (issue #15): the planner keeps what the booklet cover prints."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from plans.models import OfficeDeputy

pytestmark = pytest.mark.django_db


def _png(fmt="PNG", size=(40, 40)):
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(buffer, fmt)
    return buffer.getvalue()


def _data(world, **changes):
    data = {
        "name": "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาทดลอง", "short_name": "สพป.ทดลอง",
        "parent_agencies": "สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน\nกระทรวงศึกษาธิการ",
        "address": "ถนนเศรษฐกิจ 1", "phones": "0 3442 1234", "website": "https://www.example.go.th",
        "email": "saraban@example.go.th", "director_name": "นายประเสริฐ สาครวงศ์",
        "director_position": "ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษาประถมศึกษาทดลอง",
        "deputies-TOTAL_FORMS": "2", "deputies-INITIAL_FORMS": "0", "deputies-MIN_NUM_FORMS": "0",
        "deputies-MAX_NUM_FORMS": "1000",
        "deputies-0-name": "นางสาวรัตนา ดีงาม", "deputies-0-position": "รองผู้อำนวยการ", "deputies-0-display_order": "1",
        "deputies-1-name": "", "deputies-1-position": "", "deputies-1-display_order": "0",
    }
    return {**data, **changes}


def test_it_saves_the_profile_deputies_and_logo_and_the_cover_prints_them(client, world, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(world.planner)
    response = client.post(reverse("office:profile"), _data(world, logo=SimpleUploadedFile("logo.png", _png())))
    assert response.url == reverse("office:profile")
    world.office.refresh_from_db()
    assert world.office.short_name == "สพป.ทดลอง" and world.office.logo
    assert [d.name for d in OfficeDeputy.objects.filter(office=world.office)] == ["นางสาวรัตนา ดีงาม"]
    assert world.office.history.first().history_user == world.planner
    from reports.context import BookletParams
    from reports.pdf import render_booklet_html

    html = render_booklet_html(BookletParams(action_plan=world.plan, months=6))
    assert 'class="logo" src="data:image/png;base64,' in html
    assert "0 3442 1234" in html


def test_it_refuses_a_file_that_is_not_a_png_or_jpeg(client, world, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(world.planner)
    gif = SimpleUploadedFile("logo.gif", _png("GIF"))
    response = client.post(reverse("office:profile"), _data(world, logo=gif))
    assert "ตราสัญลักษณ์ต้องเป็นไฟล์ PNG หรือ JPEG" in response.content.decode()
    text = SimpleUploadedFile("logo.png", b"not an image")
    response = client.post(reverse("office:profile"), _data(world, logo=text))
    assert "ไม่ใช่รูปภาพ" in response.content.decode()
    world.office.refresh_from_db()
    assert not world.office.logo and world.office.short_name != "สพป.ทดลอง"


def test_a_name_already_used_by_another_office_is_refused(client, world):
    client.force_login(world.planner)
    response = client.post(reverse("office:profile"), _data(world, name=world.other_office.name))
    assert "มีหน่วยงานชื่อนี้ในระบบแล้ว" in response.content.decode()


def test_overlong_values_are_refused_with_a_message(client, world):
    client.force_login(world.planner)
    response = client.post(reverse("office:profile"), _data(world, short_name="ก" * 61, phones="1" * 201,
                                                           **{"deputies-0-position": "ข" * 201}))
    assert response.status_code == 200
    world.office.refresh_from_db()
    assert world.office.short_name != "ก" * 61
    assert not OfficeDeputy.objects.exists()


def test_it_saves_the_interface_digits_with_history_and_the_pages_follow(client, world):
    client.force_login(world.planner)
    assert "๒๕๖๗" in client.get(reverse("plans:board")).content.decode()
    response = client.post(reverse("office:profile"), _data(world, interface_digits="arabic"))
    assert response.url == reverse("office:profile")
    world.office.refresh_from_db()
    assert world.office.interface_digits == "arabic"
    record = world.office.history.first()
    assert record.history_user == world.planner and record.interface_digits == "arabic"
    assert "interface_digits" in record.diff_against(record.prev_record).changed_fields
    board = client.get(reverse("plans:board")).content.decode()
    assert "2567" in board and "๒๕๖๗" not in board


def test_a_post_without_the_digits_keeps_them_and_a_wrong_choice_is_refused(client, world):
    world.office.interface_digits = "arabic"
    world.office.save()
    client.force_login(world.planner)
    client.post(reverse("office:profile"), _data(world))
    world.office.refresh_from_db()
    assert world.office.interface_digits == "arabic" and world.office.short_name == "สพป.ทดลอง"
    response = client.post(reverse("office:profile"), _data(world, interface_digits="roman"))
    assert response.status_code == 200 and "กรุณาเลือกตัวเลขบนหน้าจอ" in response.content.decode()
    world.office.refresh_from_db()
    assert world.office.interface_digits == "arabic"


def test_a_cover_with_a_logo_and_every_contact_line_stays_on_one_page(world, settings, tmp_path):
    from pypdf import PdfReader

    from reports.context import BookletParams
    from reports.pdf import render_booklet_pdf

    settings.MEDIA_ROOT = tmp_path
    office = world.office
    office.name = "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาสมุทรสาคร"
    office.address = "2/3 หมู่ 8 ถนนเศรษฐกิจ 1 ตำบลท่าทราย อำเภอเมืองสมุทรสาคร จังหวัดสมุทรสาคร 74000"
    office.phones, office.website = "0 3441 1000", "https://www.example.go.th"
    office.logo.save("logo.png", SimpleUploadedFile("logo.png", _png(size=(240, 240))), save=True)
    pdf = render_booklet_pdf(BookletParams(action_plan=world.plan, months=6, document_number="4/2567"))
    pages = PdfReader(io.BytesIO(pdf)).pages
    assert "www.example.go.th" in pages[0].extract_text()
    assert "www.example.go.th" not in pages[1].extract_text()
