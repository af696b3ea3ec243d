"""Issue #10 points 11-16: nothing leaves the page, in a representative set of the demo office's
booklets (rounds, groupings and digits), read back from the PDF's text boxes."""

from io import StringIO

import pytest
from django.conf import settings as django_settings
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings

from plans.models import ActionPlan
from reports import pdf_worker
from reports.context import BookletParams
from reports.pdf import STYLESHEET, render_booklet_html, render_booklet_pdf
from tests.conftest import restore_reference_rows
from tests.reports.pdf_boxes import numbers_run_together, pages_starting_with, text_outside_content

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo_media(tmp_path_factory):
    return str(tmp_path_factory.mktemp("layout-demo-media"))


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, demo_media):
    """The demo office, seeded once for the module (its photos in a folder of their own) and rolled back."""
    with django_db_blocker.unblock(), transaction.atomic():
        restore_reference_rows()
        with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
                               MEDIA_ROOT=demo_media):
            call_command("seed_demo", stdout=StringIO())
        yield ActionPlan.objects.get(office__short_name="สพป.สมุทรสาคร", fiscal_year__be_year=2567)
        transaction.set_rollback(True)


@pytest.mark.parametrize("months, grouping, digits", [
    (6, "group", "thai"),  # the published demo booklet
    (12, "status", "arabic"),
    (9, "status", "thai"),
])
def test_no_text_leaves_the_content_area(demo, demo_media, settings, tmp_path, months, grouping, digits):
    settings.MEDIA_ROOT = demo_media  # the demo's photos are printed in the booklet
    path = tmp_path / "booklet.pdf"
    path.write_bytes(render_booklet_pdf(BookletParams(action_plan=demo, months=months, grouping=grouping,
                                                      digits=digits, document_number="4/2567")))
    outside = text_outside_content(path) + numbers_run_together(path)
    assert not outside, "\n".join(str(o) for o in outside[:20])
    # A project's sign-off never starts a page alone (it did on page 23 of the published demo booklet, after
    # a project's photos): its project's last lines come with it.
    assert not pages_starting_with(path, "ผู้รับผิดชอบโครงการ")


def test_the_demo_register_takes_two_landscape_pages_as_in_003(demo, demo_media, settings):
    """Reference 003 prints its 26 projects' register on about two landscape pages; ours took 2.5 (a
    third page for its last rows and notes), 3.5 and 6 before that."""
    settings.MEDIA_ROOT = demo_media
    html = render_booklet_html(BookletParams(action_plan=demo, months=6, grouping="group", digits="thai"))
    start = html.index('<section class="part wide" id="register">')
    end = html.index("</section>", start) + len("</section>")
    body = html.index('<div class="booklet">') + len('<div class="booklet">')
    document = pdf_worker.layout(html[:body] + html[start:end] + "</div></body></html>",
                                 base_url=str(django_settings.BASE_DIR), stylesheets=[STYLESHEET])
    assert [page.width > page.height for page in document.pages] == [True, True]
