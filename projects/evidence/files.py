"""What an uploaded file really is, read from its bytes (never its name), and the photo versions made once.

Photos (JPEG, PNG, HEIC) are decoded with a pixel limit (a decompression bomb is refused), turned
upright, and re-encoded as JPEG without their EXIF block, so the location a phone writes into a
photo never reaches the store. Three versions are kept: the photo (long edge at most
FULL_EDGE), a print version for the booklet (PRINT_EDGE) and a thumbnail for the pages (THUMB_EDGE).
Documents (PDF, DOCX, XLSX) are checked and stored as they came; a PDF is only parsed (page count,
encryption), never rendered or run.
"""

import functools
import io
import warnings
import zipfile
from dataclasses import dataclass, field

from django.conf import settings
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

# The decompression-bomb limit: Pillow refuses (and we explain) above this many pixels.
Image.MAX_IMAGE_PIXELS = settings.EVIDENCE_MAX_PIXELS

FULL_EDGE = 2560
PRINT_EDGE = 1200
THUMB_EDGE = 480
JPEG_QUALITY = {"full": 85, "print": 72, "thumb": 70}

HEIF_BRANDS = {b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"mif1", b"msf1"}
DOCUMENT_TYPES = {
    "pdf": ("application/pdf", ".pdf"),
    "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx"),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx"),
}


class BadFile(Exception):
    """The file cannot be accepted; the message (Thai) says why and what to do."""


@dataclass
class Checked:
    kind: str  # "photo" or "document"
    type: str  # jpeg / png / heic / pdf / docx / xlsx
    content_type: str
    extension: str
    versions: dict = field(default_factory=dict)  # "full"/"print"/"thumb" -> bytes (photos); "full" (documents)
    width: int | None = None
    height: int | None = None
    pages: int | None = None


def sniff(head: bytes):
    """The real type from the first bytes: jpeg, png, heic, pdf, zip, or None."""
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head[4:8] == b"ftyp" and head[8:12] in HEIF_BRANDS:
        return "heic"
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "zip"
    return None


def check(data: bytes, name: str) -> Checked:
    """The checked file, with the versions to store; BadFile (a Thai message) when it is refused."""
    kind = sniff(data[:16])
    if kind in ("jpeg", "png", "heic"):
        return _photo(data, name)
    if kind == "pdf":
        return _pdf(data, name)
    if kind == "zip":
        return _office_document(data, name)
    raise BadFile(_("ไฟล์ “%(n)s” ไม่ใช่ภาพ (JPEG, PNG, HEIC) หรือเอกสาร (PDF, DOCX, XLSX) ที่ระบบรับ "
                    "กรุณาเลือกไฟล์ชนิดนี้ หรือบันทึกเป็น PDF ก่อนแนบ") % {"n": name})


def _too_large_image(name):
    return BadFile(_("ภาพ “%(n)s” มีจำนวนพิกเซลมากเกินไป (เกิน %(m)s ล้านพิกเซล) ระบบจึงไม่เปิด "
                     "กรุณาย่อภาพหรือถ่ายใหม่ด้วยความละเอียดปกติของโทรศัพท์") % {
        "n": name, "m": f"{Image.MAX_IMAGE_PIXELS / 1_000_000:,.0f}"})


@functools.cache
def _read_heic():
    """Pillow opens HEIC photos from now on. Loaded with the first photo, not at start-up: the library
    (about 5 MB) stays out of every process that never opens one (pypdf below, likewise)."""
    import pillow_heif

    pillow_heif.register_heif_opener()


def _open_image(data, name):
    """The decoded image, upright; the pixel limit is checked before any pixel is decoded."""
    _read_heic()
    broken = BadFile(_("เปิดภาพ “%(n)s” ไม่ได้ ไฟล์อาจเสียหรือส่งไม่ครบ กรุณาถ่ายหรือเลือกภาพใหม่") % {"n": name})
    with warnings.catch_warnings():
        # Pillow only warns between MAX_IMAGE_PIXELS and twice that: refuse there too.
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            probe = Image.open(io.BytesIO(data))
            width, height = probe.size
            if width * height > Image.MAX_IMAGE_PIXELS:
                raise _too_large_image(name)
            probe.verify()
            image = Image.open(io.BytesIO(data))
            image.load()
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise _too_large_image(name) from None
        except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError):
            raise broken from None
    try:
        image = ImageOps.exif_transpose(image)
    except (OSError, ValueError, TypeError):
        pass  # an unreadable orientation tag: keep the pixels as they are
    if image.mode not in ("RGB", "L"):
        background = Image.new("RGB", image.size, "white")
        rgba = image.convert("RGBA")
        background.paste(rgba, mask=rgba.getchannel("A"))
        image = background
    elif image.mode == "L":
        image = image.convert("RGB")
    return image


def jpeg_bytes(image, edge, quality):
    """`image` with its long edge at most `edge`, as a JPEG with no EXIF (so no location)."""
    copy = image.copy()
    copy.thumbnail((edge, edge), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    copy.save(out, "JPEG", quality=quality, optimize=True, progressive=True)
    return out.getvalue(), copy.size


def _photo(data, name):
    image = _open_image(data, name)
    versions = {}
    size = None
    for version, edge in (("full", FULL_EDGE), ("print", PRINT_EDGE), ("thumb", THUMB_EDGE)):
        versions[version], made = jpeg_bytes(image, edge, JPEG_QUALITY[version])
        size = size or made
    return Checked(kind="photo", type="jpeg", content_type="image/jpeg", extension=".jpg",
                   versions=versions, width=size[0], height=size[1])


def _pdf(data, name):
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            raise BadFile(_("PDF “%(n)s” มีรหัสผ่าน ระบบจึงเปิดและพิมพ์ต่อท้ายเล่มไม่ได้ "
                            "กรุณาบันทึกเป็น PDF ที่ไม่มีรหัสผ่านแล้วแนบใหม่") % {"n": name})
        pages = len(reader.pages)
    except BadFile:
        raise
    except (PdfReadError, OSError, ValueError, KeyError, TypeError, AttributeError, RecursionError):
        pages = 0
    if pages == 0:
        raise BadFile(_("เปิด PDF “%(n)s” ไม่ได้ ไฟล์อาจเสียหรือส่งไม่ครบ กรุณาบันทึก PDF ใหม่แล้วแนบอีกครั้ง")
                      % {"n": name})
    content_type, extension = DOCUMENT_TYPES["pdf"]
    return Checked(kind="document", type="pdf", content_type=content_type, extension=extension,
                   versions={"full": data}, pages=pages)


def _office_document(data, name):
    """DOCX and XLSX are zip files with known parts; macro-enabled ones (vbaProject.bin) are refused."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        members = set()
    if "[Content_Types].xml" in members and any(m.endswith("vbaProject.bin") for m in members):
        raise BadFile(_("ไฟล์ “%(n)s” มีมาโคร ระบบไม่รับไฟล์ที่มีมาโคร กรุณาบันทึกเป็น .docx/.xlsx ธรรมดา "
                        "หรือเป็น PDF แล้วแนบใหม่") % {"n": name})
    if "[Content_Types].xml" in members and "word/document.xml" in members:
        file_type = "docx"
    elif "[Content_Types].xml" in members and "xl/workbook.xml" in members:
        file_type = "xlsx"
    else:
        raise BadFile(_("ไฟล์ “%(n)s” ไม่ใช่เอกสาร Word (.docx) หรือ Excel (.xlsx) ที่ระบบรับ "
                        "กรุณาบันทึกเป็น .docx, .xlsx หรือ PDF แล้วแนบใหม่") % {"n": name})
    content_type, extension = DOCUMENT_TYPES[file_type]
    return Checked(kind="document", type=file_type, content_type=content_type, extension=extension,
                   versions={"full": data})
