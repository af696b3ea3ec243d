"""What a file really is comes from its bytes; photos lose their location and come out upright."""

import io

import pytest
from PIL import Image

from projects.evidence import files
from tests.evidence import samples


def _exif(data):
    return Image.open(io.BytesIO(data)).getexif()


def test_it_reads_the_type_from_the_bytes_not_the_name():
    assert files.check(samples.jpeg(), "report.pdf").type == "jpeg"
    assert files.check(samples.pdf(), "photo.jpg").type == "pdf"
    assert files.check(samples.docx(), "x.xlsx").type == "docx"
    assert files.check(samples.xlsx(), "x.docx").type == "xlsx"


@pytest.mark.parametrize("data", [b"MZ\x90\x00 a program", b"<html><script>alert(1)</script>", b"GIF89a...."])
def test_it_refuses_a_file_of_another_type_in_thai(data):
    with pytest.raises(files.BadFile, match="ไม่ใช่ภาพ"):
        files.check(data, "evidence.jpg")


def test_it_refuses_a_zip_that_is_not_a_word_or_excel_file():
    with pytest.raises(files.BadFile, match="ไม่ใช่เอกสาร Word"):
        files.check(samples.plain_zip(), "evidence.docx")


def test_it_refuses_a_macro_enabled_document():
    with pytest.raises(files.BadFile, match="มาโคร"):
        files.check(samples.docx(macro=True), "evidence.docx")


def test_it_refuses_a_broken_photo():
    with pytest.raises(files.BadFile, match="เปิดภาพ"):
        files.check(samples.jpeg()[:300], "cut.jpg")


def test_it_refuses_a_broken_pdf_and_one_with_a_password():
    with pytest.raises(files.BadFile, match="เปิด PDF"):
        files.check(b"%PDF-1.7\n garbage", "broken.pdf")
    with pytest.raises(files.BadFile, match="รหัสผ่าน"):
        files.check(samples.pdf(password="secret"), "locked.pdf")


def test_it_counts_the_pages_of_a_pdf_and_keeps_its_bytes():
    data = samples.pdf(pages=3)
    checked = files.check(data, "a.pdf")
    assert checked.pages == 3
    assert checked.versions == {"full": data}


def test_it_refuses_a_decompression_bomb_before_decoding_it(monkeypatch):
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 100_000)
    with pytest.raises(files.BadFile, match="พิกเซลมากเกินไป"):
        files.check(samples.png((400, 300)), "bomb.png")  # 120,000 pixels: over the limit, under twice it
    with pytest.raises(files.BadFile, match="พิกเซลมากเกินไป"):
        files.check(samples.png((1000, 1000)), "bomb.png")  # ten times: Pillow's own error


def test_it_strips_the_gps_location_from_a_jpeg():
    original = samples.jpeg()
    assert samples.GPS_IFD in _exif(original)
    checked = files.check(original, "p.jpg")
    for data in checked.versions.values():
        exif = _exif(data)
        assert samples.GPS_IFD not in exif
        assert len(exif) == 0


def test_it_turns_a_photo_upright_by_its_exif_orientation():
    # Orientation 6: the camera was turned; the stored photo is portrait with no tag left.
    checked = files.check(samples.jpeg((640, 480), orientation=6), "p.jpg")
    assert (checked.width, checked.height) == (480, 640)
    assert 0x0112 not in _exif(checked.versions["full"])


def test_it_converts_heic_to_jpeg_without_location():
    original = samples.heic()
    assert original[4:12] == b"ftypheic"
    checked = files.check(original, "IMG_0001.HEIC")
    assert (checked.kind, checked.type, checked.content_type) == ("photo", "jpeg", "image/jpeg")
    image = Image.open(io.BytesIO(checked.versions["full"]))
    assert image.format == "JPEG" and image.size == (400, 300)
    assert samples.GPS_IFD not in image.getexif()


def test_it_flattens_a_transparent_png_onto_white_jpeg():
    checked = files.check(samples.png(alpha=True), "a.png")
    assert Image.open(io.BytesIO(checked.versions["full"])).mode == "RGB"


def test_it_makes_a_print_size_and_a_thumbnail_once():
    checked = files.check(samples.jpeg((4000, 3000), gps=False), "big.jpg")
    sizes = {v: Image.open(io.BytesIO(d)).size for v, d in checked.versions.items()}
    assert sizes == {"full": (2560, 1920), "print": (1200, 900), "thumb": (480, 360)}
