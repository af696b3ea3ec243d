"""Small real files made on the spot: photos (with a GPS EXIF block), HEIC, PDF, DOCX, XLSX."""

import io
import zipfile

import pillow_heif
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

pillow_heif.register_heif_opener()

GPS_IFD = 0x8825


def photo_image(size=(640, 480), color=(40, 120, 200)):
    image = Image.new("RGB", size, color)
    # A diagonal so that a rotation is visible in the pixels.
    for i in range(min(size)):
        image.putpixel((i, i), (255, 255, 0))
    return image


def jpeg(size=(640, 480), *, gps=True, orientation=None, color=(40, 120, 200)):
    image = photo_image(size, color)
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    if gps:
        exif[GPS_IFD] = {1: "N", 2: (13.0, 32.0, 51.0), 3: "E", 4: (100.0, 16.0, 27.0)}
    if orientation:
        exif[0x0112] = orientation
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif, quality=90)
    return out.getvalue()


def png(size=(300, 200), *, alpha=False):
    image = Image.new("RGBA" if alpha else "RGB", size, (200, 50, 50, 128) if alpha else (200, 50, 50))
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def heic(size=(400, 300), *, gps=True):
    image = photo_image(size, (10, 160, 90))
    exif = Image.Exif()
    if gps:
        exif[GPS_IFD] = {1: "N", 2: (13.0, 32.0, 51.0), 3: "E", 4: (100.0, 16.0, 27.0)}
    out = io.BytesIO()
    image.save(out, "HEIF", exif=exif.tobytes())
    return out.getvalue()


def pdf(pages=2, *, password=None):
    from pypdf import PdfWriter

    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    if password:
        writer.encrypt(password)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _zip(members):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, text in members.items():
            archive.writestr(name, text)
    return out.getvalue()


def docx(*, macro=False):
    members = {"[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>"}
    if macro:
        members["word/vbaProject.bin"] = "macro"
    return _zip(members)


def xlsx():
    from openpyxl import Workbook

    out = io.BytesIO()
    Workbook().save(out)
    return out.getvalue()


def plain_zip():
    return _zip({"readme.txt": "hello"})


def upload(name, data, content_type="application/octet-stream"):
    return SimpleUploadedFile(name, data, content_type=content_type)
