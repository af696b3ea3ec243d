"""The demo office (`manage.py seed_demo`) matches reference 003's register (shared/docs/demo-office.md).

Expected figures are the register's own totals and subtotal rows.
"""

from collections import Counter
from datetime import date
from decimal import Decimal
from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import transaction
from django.db.models import Sum
from django.test import override_settings

from budget.models import Allocation, Disbursement, SpendingPlan
from plans.models import ActionPlan, Group, Membership, ReportingWindow, Strategy
from projects.models import Project, QuarterlyReport
from tests.conftest import restore_reference_rows

FAST_HASHER = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def seed():
    with override_settings(PASSWORD_HASHERS=FAST_HASHER):
        call_command("seed_demo", stdout=StringIO())


@pytest.fixture(scope="module")
def demo_media(tmp_path_factory):
    return str(tmp_path_factory.mktemp("demo-media"))


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, demo_media):
    """Seed once for the module inside a transaction that is rolled back afterwards (its photos in a
    folder of its own)."""
    with override_settings(MEDIA_ROOT=demo_media), django_db_blocker.unblock(), transaction.atomic():
        # A transactional test run earlier on this worker may have flushed the migrations' rows.
        restore_reference_rows()
        seed()
        yield ActionPlan.objects.get(office__short_name="สพป.สมุทรสาคร", fiscal_year__be_year=2567)
        transaction.set_rollback(True)


pytestmark = pytest.mark.django_db


def total(queryset, field="amount"):
    return queryset.aggregate(total=Sum(field))["total"]


def row_counts():
    return {model._meta.label: model.objects.count() for model in apps.get_models()
            if model._meta.app_label in {"plans", "projects", "budget", "auth"}}


def test_it_changes_nothing_when_run_a_second_time(demo):
    before = row_counts()
    seed()
    assert row_counts() == before


def test_it_creates_the_offices_groups_strategies_and_projects(demo):
    assert Group.objects.filter(office=demo.office).count() == 6
    assert list(Group.objects.filter(office=demo.office).values_list("abbreviation", flat=True)) == [
        "กนต.", "กสศ.", "กบค.", "กอก.", "กบส.", "กนผ."]
    assert Strategy.objects.filter(development_plan=demo.development_plan).count() == 6
    assert demo.projects.count() == 26
    assert list(demo.projects.values_list("code", flat=True))[:2] == ["67-01", "67-02"]


def test_it_allocates_each_source_as_the_register_does(demo):
    allocations = Allocation.objects.filter(project__action_plan=demo)
    assert total(allocations) == Decimal("1288109")
    assert total(allocations.filter(source__code="office")) == Decimal("518675")
    assert total(allocations.filter(source__code="obec")) == Decimal("447860")
    assert total(allocations.filter(source__code="other")) == Decimal("321574")
    assert not demo.projects.get(code="67-25").allocations.exists()


def test_it_records_the_disbursements_of_table_3_in_the_first_two_quarters(demo):
    disbursements = Disbursement.objects.filter(project__action_plan=demo, date__lte=date(2024, 3, 31))
    assert total(disbursements) == Decimal("666412")
    by_group = {g.abbreviation: total(disbursements.filter(project__group=g)) or 0
                for g in Group.objects.filter(office=demo.office)}
    assert by_group == {
        "กนต.": 325775, "กสศ.": 187070, "กบค.": 52210, "กอก.": 59270, "กบส.": 0, "กนผ.": 42087}
    assert all(date(2023, 10, 1) <= d.date <= date(2024, 3, 31) for d in disbursements)
    arts = disbursements.filter(project__code="67-16")
    assert total(arts.filter(source__code="office")) == Decimal("110840")
    assert total(arts.filter(source__code="obec")) == Decimal("28370")


def test_it_gives_the_q2_statuses_of_the_register(demo):
    q2 = QuarterlyReport.objects.filter(project__action_plan=demo, quarter=2)

    def numbers(status):
        return sorted(r.project.display_order for r in q2.filter(status=status).select_related("project"))

    assert numbers("completed") == [2, 15, 16, 17, 24]
    assert numbers("in_progress") == [1, 3, 6, 7, 9, 14, 20, 21, 22, 23, 25, 26]
    assert numbers("not_started") == [18, 19]
    not_reported = demo.projects.exclude(reports__quarter=2)
    assert sorted(not_reported.values_list("display_order", flat=True)) == [4, 5, 8, 10, 11, 12, 13]


def test_it_has_accepted_q1_reports_and_mostly_accepted_q2_reports(demo):
    reports = QuarterlyReport.objects.filter(project__action_plan=demo)
    assert set(reports.filter(quarter=1).values_list("state", flat=True)) == {"accepted"}
    assert reports.filter(quarter=1).count() == 26
    assert reports.filter(quarter=2, state="submitted").count() == 2
    assert not reports.filter(spent_amount__isnull=True).exists()


def test_it_reports_the_owners_spending_of_table_4(demo):
    reports = QuarterlyReport.objects.filter(project__action_plan=demo, quarter__lte=2)
    assert total(reports, "spent_amount") == Decimal("391627")


def test_it_never_plans_to_spend_more_than_a_project_is_allocated(demo):
    for project in demo.projects.all():
        planned = total(SpendingPlan.objects.filter(project=project)) or 0
        allocated = total(project.allocations.all()) or 0
        assert planned <= allocated, project.code


def test_it_explains_every_quarter_where_disbursement_differs_from_the_plan(demo):
    for report in QuarterlyReport.objects.filter(project__action_plan=demo).select_related("project"):
        planned = total(SpendingPlan.objects.filter(project=report.project, quarter=report.quarter)) or 0
        paid = sum(d.amount for d in report.project.disbursements.all()
                   if (d.date.month - 10) % 12 // 3 + 1 == report.quarter)
        if planned != paid:
            assert report.disbursement_variance_reason, (report.project.code, report.quarter)


def test_it_gives_every_group_an_owner_and_every_project_an_owner_account(demo):
    for group in Group.objects.filter(office=demo.office):
        assert Project.objects.filter(group=group, owners__memberships__group=group).exists(), group
    assert demo.projects.get(code="67-08").owners.count() == 2
    assert demo.projects.get(code="67-25").owners.count() == 2
    assert not demo.projects.filter(owners=None).exists()
    assert Membership.objects.get(user__username="planner").role == "planner"


def test_it_closes_the_reporting_windows_of_the_whole_year(demo):
    windows = ReportingWindow.objects.filter(action_plan=demo)
    assert [(w.quarter, w.deadline.isoformat(), w.is_open) for w in windows] == [
        (1, "2024-01-10", False), (2, "2024-04-10", False), (3, "2024-07-10", False), (4, "2024-10-10", False)]


def test_it_gives_the_nine_and_twelve_month_rounds_content(demo):
    """Q3 and Q4 are invented (demo/later_quarters.py): completed projects carry forward, two never report
    again, spending and disbursement stay within every allocation."""
    from reports.figures import Round, booklet_figures

    nine = booklet_figures(demo, Round(2567, 9))
    twelve = booklet_figures(demo, Round(2567, 12))
    assert nine.status.counts == {"completed": 10, "in_progress": 12, "not_started": 2, "not_reported": 2}
    assert twelve.status.counts == {"completed": 21, "in_progress": 2, "not_started": 1, "not_reported": 2}
    for row in twelve.rows:
        assert row.disbursed_total <= row.allocated, row.project.code
    assert twelve.money.cumulative.disbursed > nine.money.cumulative.disbursed > Decimal("666412")


def test_it_lists_the_demo_accounts_without_seeding(demo):
    out = StringIO()
    call_command("seed_demo", "--list-accounts", stdout=out)
    listing = out.getvalue()
    for username in ("planner", "director", "finance", "attaphon", "wanida"):
        assert username in listing


def test_it_lets_every_demo_account_sign_in_with_password_demo(demo, client):
    # Through the login form: the login throttling (django-axes) needs the request.
    for username in ("planner", "director", "finance", "attaphon"):
        response = client.post("/accounts/login/", {"username": username, "password": "demo"})
        assert response.status_code == 302, username
        client.post("/accounts/logout/")


def test_it_publishes_the_six_month_booklet_once_for_directors(demo, client):
    from reports.models import Publication

    publication = Publication.objects.get(booklet__action_plan=demo)
    assert publication.document_number == "4/2567"
    assert bytes(publication.pdf).startswith(b"%PDF-")
    client.post("/accounts/login/", {"username": "director", "password": "demo"})
    response = client.get(f"/booklets/published/{publication.pk}.pdf")
    assert response.status_code == 200
    assert b"".join(response.streaming_content if response.streaming else [response.content]) == bytes(
        publication.pdf
    )


def test_it_marks_four_projects_added_mid_year_as_table_5_counts_them(demo):
    mid_year = Project.objects.filter(action_plan=demo, added_mid_year=True)
    by_group = Counter(mid_year.values_list("group__abbreviation", flat=True))
    assert by_group == {"กนต.": 2, "กสศ.": 1, "กบค.": 1}
    assert all(p.added_mid_year_reason for p in mid_year)


def test_its_development_plan_has_001s_structure_and_2567_results_both_ways(demo):
    from plans.devplan_selectors import targets_vs_results
    from plans.models import StrategyIndicator

    plan = demo.development_plan
    assert plan.edition == "ฉบับปรับปรุง พ.ศ. 2567"
    composite = StrategyIndicator.objects.get(strategy__development_plan=plan, strategy__number=1, code="2.4")
    assert composite.children.count() == 4
    kinds = set(StrategyIndicator.objects.filter(strategy__development_plan=plan).values_list("kind", flat=True))
    assert kinds == {"percent", "count", "mean", "level", "yes_no", "text"}
    t = targets_vs_results(plan, 2567).overall
    assert t.achieved > 0 and t.not_achieved > 0 and t.not_reported > 0 and t.not_assessed > 0
    assert Project.objects.filter(action_plan=demo, strategy_indicators__isnull=False).distinct().count() == 9


def test_its_development_plan_goes_through_the_workbook_unchanged(demo):
    from projects.workbooks.devplan_import import check_devplan_import
    from projects.workbooks.devplan_workbook import build_devplan_workbook

    plan = demo.development_plan
    check = check_devplan_import(plan=plan, file_name="demo.xlsx", data=build_devplan_workbook(plan, with_data=True))
    assert check.ok, [str(p) for p in check.errors]
    assert not check.has_writes
    assert len(check.unchanged) > 60


def test_its_action_plan_goes_through_the_workbook_unchanged_kinds_and_criteria_included(demo):
    from projects.models import Indicator
    from projects.workbooks.plan_import import check_plan_import
    from projects.workbooks.plan_workbook import build_plan_workbook

    check = check_plan_import(action_plan=demo, file_name="demo.xlsx", data=build_plan_workbook(demo, with_data=True))
    assert check.ok, [str(p) for p in check.errors]
    assert not check.has_writes, [(c.label, [(f.label, f.old_shown, f.new_shown) for f in c.fields])
                                  for c in check.changes if c.action != "same"]
    kinds = set(Indicator.objects.filter(project__action_plan=demo).values_list("kind", flat=True))
    assert "na" in kinds and "number" in kinds


def test_it_gives_a_few_reports_photos_that_the_published_booklet_prints(demo, demo_media, settings):
    settings.MEDIA_ROOT = demo_media
    import subprocess

    from projects.evidence import storage
    from projects.models import Attachment

    photos = list(Attachment.objects.filter(project__action_plan=demo, report__isnull=False)
                  .select_related("report", "project"))
    assert len(photos) == 13 and {p.kind for p in photos} == {"photo"}
    assert len({p.project_id for p in photos}) == 6 and all(p.report.quarter == 2 for p in photos)
    for photo in photos:
        assert storage.read(photo.thumb_file)[:3] == b"\xff\xd8\xff"
    pdf = bytes(demo.booklets.get().publications.get().pdf)
    listing = subprocess.run(["pdfimages", "-list", "-"], input=pdf, capture_output=True, check=True).stdout
    rows = [line.split() for line in listing.decode().splitlines()[2:]]
    # The 13 photos at print size (the cover's logo is another image).
    assert sum(1 for row in rows if row[2] == "image" and (row[3], row[4]) == ("1200", "900")) == 13


def test_it_seeds_what_shows_an_office_running_itself(demo):
    from plans.models import OfficeDeputy

    office = demo.office
    assert office.logo and office.director_name == "นายประเสริฐ สาครวงศ์"
    assert OfficeDeputy.objects.filter(office=office).count() == 2
    heads = dict(Group.objects.filter(office=office, head__isnull=False).values_list("abbreviation", "head__username"))
    assert heads == {"กนต.": "chongrak", "กบส.": "somkiat"}
    somkiat = Membership.objects.get(user__username="somkiat")
    assert somkiat.roles == ["staff", "finance"] and somkiat.user.owned_projects.exists()
    assert Membership.objects.get(user__username="deputy").role == "director"


def test_it_gives_the_office_a_budget_by_category_for_the_finished_year(demo):
    """Issue #17: invented figures (demo/office_budget.py), entered as finance would, as of 30 Sep 2567."""
    from budget.office_budget import office_budget_of_plan

    table = office_budget_of_plan(demo)
    assert table.as_of == date(2024, 9, 30)
    assert [r.category for r in table.rows] == ["personnel", "operating", "investment", "subsidy", "other"]
    assert table.central is not None and table.has_committed
    assert table.total.allocated == Decimal("166417950.00")
    assert table.total.disbursed == Decimal("164457084.57")
    assert table.total.percent == Decimal("98.82")


def test_it_gives_the_finished_year_its_year_end_reports(demo):
    """Issue #17: achieved and not achieved projects and indicators (with reasons), every kind of
    money-left disposition, a few photos, some reports still waiting or returned."""
    from projects.models import Attachment, YearEndReport
    from reports.figures.achievement import achievement

    reports = YearEndReport.objects.filter(project__action_plan=demo)
    assert Counter(reports.values_list("state", flat=True)) == {"accepted": 21, "submitted": 2, "returned": 1}
    assert set(reports.values_list("disposition", flat=True)) == {"none", "returned", "cancelled", "moved",
                                                                   "carried_on"}
    missed = reports.filter(verdict="not_achieved")
    assert missed.count() == 4 and all(r.verdict_reason for r in missed)
    figures = achievement(demo)
    assert figures.overall.not_achieved and figures.overall.not_assessed and figures.overall.achieved
    assert all(row.miss_reason for row in figures.indicators if row.verdict.status == "not_achieved")
    assert Attachment.objects.filter(year_end__in=reports, kind="photo").count() == 5


def test_it_publishes_the_annual_report_of_the_finished_year(demo):
    """Issue #17: `make run` shows the annual report of 2567, published once (ฉบับที่ 1)."""
    from reports.annual.models import AnnualReport

    report = AnnualReport.objects.get(action_plan=demo)
    assert report.office_problems and report.office_recommendations
    assert report.publications.count() == 1
    assert report.publications.get().filename == "รายงานผลการดำเนินงาน-2567-ฉบับที่1.pdf"
