"""plans/downloads.py: the one place a response names its file (RFC 6266/5987)."""

from urllib.parse import quote

from plans.downloads import PDF, XLSX, content_disposition, file_response


def test_a_thai_name_for_browsers_and_an_ascii_one_for_older_clients():
    name = "รายงานผลการดำเนินงาน-2567-ตาราง.xlsx"
    assert content_disposition(name, ascii_name="annual-3.xlsx") == (
        f"attachment; filename=\"annual-3.xlsx\"; filename*=UTF-8''{quote(name)}")


def test_inline_for_a_published_pdf_read_in_the_browser():
    assert content_disposition("เล่ม.pdf", ascii_name="booklet-1.pdf", inline=True).startswith(
        'inline; filename="booklet-1.pdf"; filename*=')


def test_either_name_may_be_missing():
    assert content_disposition("", ascii_name="booklet-1-tables.xlsx") == 'attachment; filename="booklet-1-tables.xlsx"'
    assert content_disposition("แผน.xlsx") == f"attachment; filename*=UTF-8''{quote('แผน.xlsx')}"


def test_the_response_carries_the_bytes_type_name_and_etag():
    response = file_response(memoryview(b"%PDF-1.7"), PDF, "เล่ม.pdf", ascii_name="booklet-1.pdf", inline=True,
                             etag="ab12")
    assert response.content == b"%PDF-1.7"
    assert response["Content-Type"] == PDF
    assert response["Content-Disposition"] == content_disposition("เล่ม.pdf", ascii_name="booklet-1.pdf", inline=True)
    assert response["ETag"] == '"ab12"'
    assert not file_response(b"x", XLSX, "แผน.xlsx").has_header("ETag")
