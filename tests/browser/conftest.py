"""Browser tests: Playwright drives Debian's Chromium (/usr/bin/chromium), headless, against
pytest-django's live server. Mark tests with @pytest.mark.browser."""

import os
import shutil

import pytest

# Playwright's sync API runs an event loop in this thread; the test's own ORM calls are still
# synchronous and safe, so Django's async-safety guard is relaxed for browser tests only.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    }


@pytest.fixture
def login(live_server):
    """login(page, username): signs in through the real login form (password "demo")."""

    def _login(page, username, password="demo"):
        page.goto(f"{live_server.url}/accounts/login/")
        page.fill("#id_username", username)
        page.fill("#id_password", password)
        # Wait for the answer's page: a load state alone can be read before the click's navigation starts.
        with page.expect_navigation():
            page.click("button[type=submit]")
        return page

    return _login
