"""Photos of activities (ภาพกิจกรรม) on a few demo reports, drawn here with Pillow (nothing is
downloaded): a meeting room with a projected slide and rows of participants, in each project's colour.
Idempotent: a report that has photos already keeps them."""

import io
import random

from django.core.files.base import ContentFile
from PIL import Image, ImageDraw

from projects.evidence.services import Upload, attachments_store

# project no -> (quarter, [captions]); the reports exist in demo/reports.py.
PHOTOS = {
    2: (2, ["อบรมเชิงปฏิบัติการการจัดทำรายงานผลการประเมินตนเองของสถานศึกษา (SAR) แบบออนไลน์",
            "ครูผู้รับผิดชอบงานประกันคุณภาพร่วมกิจกรรมกลุ่ม"]),
    14: (2, ["ประชุมชี้แจงแนวปฏิบัติการรับนักเรียน ปีการศึกษา 2567",
             "ผู้บริหารสถานศึกษาร่วมประชุมวางแผนการเกณฑ์เด็กเข้าเรียน"]),
    16: (2, ["พิธีเปิดการแข่งขันศิลปหัตถกรรมนักเรียน ระดับเขตพื้นที่",
             "นักเรียนแข่งขันทักษะวิชาการ", "คณะกรรมการตัดสินการประกวด"]),
    17: (2, ["นักเรียนเข้าสอบแข่งขันคณิตศาสตร์และวิทยาศาสตร์ รอบที่ 1",
             "เจ้าหน้าที่ตรวจสอบรายชื่อผู้เข้าสอบ"]),
    24: (2, ["อบรมเชิงปฏิบัติการระบบสารบรรณอิเล็กทรอนิกส์ (e-Saraban)",
             "ผู้เข้าอบรมฝึกปฏิบัติรับ-ส่งหนังสือราชการ"]),
    26: (2, ["ประชุมเชิงปฏิบัติการจัดทำแผนปฏิบัติการประจำปีงบประมาณ พ.ศ. 2567",
             "กลุ่มนโยบายและแผนนำเสนอร่างแผนต่อที่ประชุม"]),
}
SIZE = (1280, 960)


def activity_photo(seed: int) -> bytes:
    """A JPEG of about 100 KB: wall, projected slide, participants' heads and shoulders in rows."""
    rng = random.Random(seed)
    hue = [rng.randrange(60, 200) for _ in range(3)]
    image = Image.new("RGB", SIZE, (225, 220, 205))
    draw = ImageDraw.Draw(image)
    width, height = SIZE
    draw.rectangle([0, int(height * 0.62), width, height], fill=(150, 120, 95))  # floor
    screen = [int(width * 0.25), int(height * 0.08), int(width * 0.75), int(height * 0.42)]
    draw.rectangle(screen, fill=(245, 245, 245), outline=(60, 60, 60), width=6)
    draw.rectangle([screen[0] + 30, screen[1] + 30, screen[2] - 30, screen[1] + 80], fill=tuple(hue))
    for line in range(4):
        top = screen[1] + 110 + line * 40
        draw.rectangle([screen[0] + 40, top, screen[0] + 40 + rng.randrange(200, 520), top + 16], fill=(120, 120, 120))
    for row in range(4):
        y = int(height * 0.55) + row * 105
        scale = 1 + row * 0.25
        for col in range(9):
            x = int(width * (col + 0.5) / 9) + rng.randrange(-20, 20)
            shirt = tuple(max(0, min(255, c + rng.randrange(-50, 50))) for c in hue)
            r = int(26 * scale)
            draw.ellipse([x - 2 * r, y + r, x + 2 * r, y + 5 * r], fill=shirt)
            draw.ellipse([x - r, y - r, x + r, y + r], fill=(rng.randrange(40, 90),) * 3)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=80)
    return out.getvalue()


def seed_evidence(rows, users):
    for data, project, *_rest in rows:
        if data["no"] not in PHOTOS:
            continue
        quarter, captions = PHOTOS[data["no"]]
        report = project.reports.filter(quarter=quarter).first()
        if report is None or report.attachments.exists():
            continue
        uploads = []
        for n, caption in enumerate(captions, start=1):
            file = ContentFile(activity_photo(data["no"] * 10 + n), name=f"IMG_{data['no']:02d}{n:02d}.jpg")
            uploads.append(Upload(name=file.name, file=file, caption=caption))
        attachments_store(project=project, report=report, user=users[data["owners"][0]], uploads=uploads)
