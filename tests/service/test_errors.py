"""Errors are never lost: the traceback goes to the log with the request id, and the user sees a Thai
page with the same id to quote."""

import logging
import logging.config
import re

import pytest
from django.conf import settings as django_settings

from config.logging import logging_config

pytestmark = pytest.mark.urls("tests.service.urls_failing")


@pytest.fixture
def log_file(tmp_path):
    """The production LOGGING with a log file (TIDTAM_LOG_FILE), put back afterwards."""
    path = tmp_path / "tidtam.log"
    logging.config.dictConfig(logging_config(log_file=str(path)))
    yield path
    logging.config.dictConfig(django_settings.LOGGING)


def test_a_500_writes_its_traceback_with_the_request_id_and_shows_the_thai_page(db, client, log_file, settings):
    settings.DEBUG = False
    client.raise_request_exception = False
    response = client.get("/broken/")
    assert response.status_code == 500
    page = response.content.decode()
    assert "ขออภัย ระบบขัดข้องชั่วคราว" in page and "รหัสอ้างอิง" in page
    request_id = re.search(r'id="request-id">([0-9a-f]{12})<', page).group(1)
    assert response["X-Request-ID"] == request_id

    log = log_file.read_text(encoding="utf-8")
    assert f"ERROR [{request_id}] django.request: Internal Server Error: /broken/" in log
    assert "Traceback (most recent call last)" in log and "ZeroDivisionError: a bug in a page" in log


def test_a_proxy_request_id_is_kept(db, client, log_file, settings):
    client.raise_request_exception = False
    response = client.get("/broken/", headers={"X-Request-ID": "nginx-4f2a9c01"})
    assert response["X-Request-ID"] == "nginx-4f2a9c01"
    assert "nginx-4f2a9c01" in response.content.decode()
    assert "[nginx-4f2a9c01]" in log_file.read_text(encoding="utf-8")


def test_a_400_shows_the_thai_page_with_the_request_id(db, client, settings):
    settings.ALLOWED_HOSTS = ["tidtam.example.go.th"]
    response = client.get("/accounts/login/", headers={"Host": "elsewhere.example"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "คำขอไม่ถูกต้อง" in page and response["X-Request-ID"] in page


def test_admins_come_from_the_environment(monkeypatch):
    from config.env import env_admins

    monkeypatch.setenv("DJANGO_ADMINS", "ผู้ดูแล <it@office.go.th>, backup@office.go.th")
    assert env_admins("DJANGO_ADMINS") == [("ผู้ดูแล", "it@office.go.th"), ("backup@office.go.th", "backup@office.go.th")]
    monkeypatch.setenv("DJANGO_ADMINS", "nobody")
    with pytest.raises(Exception, match="DJANGO_ADMINS"):
        env_admins("DJANGO_ADMINS")


def test_weasyprint_progress_lines_stay_out_of_the_log_but_its_warnings_do_not(log_file):
    logging.getLogger("weasyprint.progress").info("Step 4 - Creating layout - Page 1")
    logging.getLogger("weasyprint").warning("Ignored `text-wrap: pretty`")
    log = log_file.read_text(encoding="utf-8")
    assert "Creating layout" not in log
    assert "Ignored `text-wrap: pretty`" in log
