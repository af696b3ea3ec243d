"""Benchmark: the 6-month booklet of an office of 40 projects (and of 500) with Q1 and Q2 reports.

    .venv/bin/python benchmarks/booklet.py [--projects 40 500] [--keep]

Each size is built in its own SQLite file under /tmp, then measured in a fresh process. The PDF
is made as the portal makes it (reports.pdf.booklet_pdf_from_html): a large booklet is laid out
by TIDTAM_PDF_WORKERS worker processes (default: the machine's cores, at most 4; set it to 1 to
measure one process). The workers are started before timing, as a server starts them once.
Each booklet is made three times and the best run is printed, with all three times: the machine
is shared and noisy. Prints, per size: pages, HTML time (figures + template), PDF time (all of
it), the part of the PDF time outside WeasyPrint (figures, template and joining the pieces),
SQL queries, peak memory (of this process and its workers together, see MemorySampler). Targets for 40 projects
(issue #4): PDF <= 5 s, outside WeasyPrint <= 20 %, query count independent of the number of
projects, peak memory <= 300 MB.
"""

import argparse
import datetime
import io
import json
import os
import random
import subprocess
import sys
import threading
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SENTENCES = [
    "ดำเนินการประชุมชี้แจงแนวทางการดำเนินงานให้แก่ผู้บริหารสถานศึกษาและครูผู้รับผิดชอบ",
    "จัดอบรมเชิงปฏิบัติการเพื่อพัฒนาศักยภาพครูในการจัดการเรียนรู้เชิงรุก (Active Learning)",
    "นิเทศ ติดตาม และให้คำแนะนำแก่สถานศึกษาในสังกัดอย่างต่อเนื่องตามปฏิทินที่กำหนด",
    "สรุปผลการดำเนินงานและรายงานต่อผู้บริหารเพื่อใช้เป็นข้อมูลในการวางแผนปีถัดไป",
    "สถานศึกษาร้อยละ ๘๕ มีการนำผลการประเมินไปใช้ในการพัฒนาคุณภาพผู้เรียน",
    "ผู้เข้ารับการอบรมมีความพึงพอใจในระดับมากที่สุด และนำความรู้ไปประยุกต์ใช้ในการปฏิบัติงาน",
    "ได้รับการจัดสรรงบประมาณล่าช้า ทำให้ต้องเลื่อนกำหนดการจัดกิจกรรมออกไป",
    "ควรกำหนดระยะเวลาการดำเนินงานให้สอดคล้องกับปฏิทินการปฏิบัติงานของสถานศึกษา",
]


def text(rng, sentences):
    return " ".join(rng.choice(SENTENCES) for _ in range(sentences))


def setup_django(db_path):
    os.environ["DATABASE_URL"] = f"sqlite:///{db_path}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()


def build(db_path, n_projects):
    """An office with 6 groups, 6 strategies and `n_projects` projects with Q1 and Q2 reports."""
    if os.path.exists(db_path):
        os.remove(db_path)
    setup_django(db_path)
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    populate(n_projects)


def populate(n_projects):
    """The office itself, in the database Django is set up with (also used by load.py, large_office.py)."""
    from budget.models import Allocation, BudgetSource, CabinetTarget, Disbursement, SpendingPlan
    from plans.models import ActionPlan, DevelopmentPlan, FiscalYear, Group, Office, Strategy
    from projects.models import (
        Activity,
        ActivityProgress,
        Indicator,
        IndicatorResult,
        Project,
        QuarterlyReport,
    )

    rng = random.Random(4)
    office = Office.objects.create(name="สำนักงานเขตพื้นที่การศึกษาประถมศึกษาทดสอบ", short_name="สพป.ทดสอบ")
    fy = FiscalYear.objects.get_or_create(be_year=2567)[0]
    dev = DevelopmentPlan.objects.create(
        office=office, title="แผนพัฒนาการศึกษา", first_be_year=2566, last_be_year=2570
    )
    plan = ActionPlan.objects.create(office=office, fiscal_year=fy, development_plan=dev)
    groups = [
        Group.objects.create(
            office=office, name=f"กลุ่มงานที่ {i}", short_name=f"กลุ่ม {i}", abbreviation=f"ก{i}.", display_order=i
        )
        for i in range(1, 7)
    ]
    strategies = [
        Strategy.objects.create(development_plan=dev, number=i, title=text(rng, 1)) for i in range(1, 7)
    ]
    sources = list(BudgetSource.objects.all())
    for q, pct in ((1, "30"), (2, "50"), (3, "75"), (4, "100")):
        CabinetTarget.objects.create(fiscal_year=fy, quarter=q, cumulative_percent=Decimal(pct))
    projects = Project.objects.bulk_create(
        [
            Project(
                action_plan=plan,
                code=f"P{i:04d}",
                title=f"โครงการพัฒนาคุณภาพการศึกษา ลำดับ {i} " + text(rng, 1),
                strategy=rng.choice(strategies),
                group=rng.choice(groups),
                display_order=i,
                output_goal=text(rng, 1),
                outcome_goal=text(rng, 1),
                added_mid_year=rng.random() < 0.15,
            )
            for i in range(n_projects)
        ]
    )
    allocations, plans_, disbursements, activities, indicators = [], [], [], [], []
    for p in projects:
        amount = Decimal(rng.randrange(5, 300)) * 1000
        allocations.append(Allocation(project=p, source=rng.choice(sources), amount=amount))
        for q in range(1, 5):
            plans_.append(SpendingPlan(project=p, quarter=q, amount=amount / 4))
        for _ in range(rng.randrange(1, 4)):
            disbursements.append(
                Disbursement(
                    project=p,
                    amount=Decimal(rng.randrange(1, 40)) * 500,
                    date=datetime.date(2023, 10, 1) + datetime.timedelta(rng.randrange(180)),
                )
            )
        for i in range(3):
            activities.append(Activity(project=p, title=text(rng, 1), display_order=i, planned_q1=True))
        for i in range(2):
            indicators.append(
                Indicator(
                    project=p,
                    text=text(rng, 1),
                    target_value=Decimal(80),
                    target_unit="ร้อยละ",
                    display_order=i,
                )
            )
    Allocation.objects.bulk_create(allocations)
    SpendingPlan.objects.bulk_create(plans_)
    Disbursement.objects.bulk_create(disbursements)
    Activity.objects.bulk_create(activities)
    Indicator.objects.bulk_create(indicators)
    reports = []
    for p in projects:
        for q in (1, 2):
            reports.append(
                QuarterlyReport(
                    project=p,
                    quarter=q,
                    state="accepted",
                    status="completed" if q == 2 and rng.random() < 0.3 else "in_progress",
                    output_progress=text(rng, 1),
                    outcome_progress=text(rng, 1),
                    contribution_national_strategy=text(rng, 1),
                    contribution_master_plan=text(rng, 1),
                    contribution_sub_plan=text(rng, 1),
                    contribution_nesdp=text(rng, 1),
                    spent_amount=Decimal(rng.randrange(0, 30)) * 500,
                    disbursement_variance_reason=text(rng, 1),
                    results=text(rng, 2),
                    problems=text(rng, 1),
                    suggestions=text(rng, 1),
                )
            )
    QuarterlyReport.objects.bulk_create(reports)
    acts = {}
    for a in Activity.objects.all():
        acts.setdefault(a.project_id, []).append(a)
    inds = {}
    for i in Indicator.objects.all():
        inds.setdefault(i.project_id, []).append(i)
    progress, results = [], []
    for r in QuarterlyReport.objects.all():
        progress += [
            ActivityProgress(report=r, activity=a, status="in_progress", text=text(rng, 1))
            for a in acts[r.project_id]
        ]
        results += [
            IndicatorResult(report=r, indicator=i, value=Decimal(rng.randrange(60, 100)), achieved=True)
            for i in inds[r.project_id]
        ]
    ActivityProgress.objects.bulk_create(progress)
    IndicatorResult.objects.bulk_create(results)


def peak_mb(pid="self"):
    """A process's peak resident memory (VmHWM), in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def pss_mb(pid):
    """A process's proportional set size now: its private memory plus its share of shared pages."""
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) / 1024
    except FileNotFoundError:
        pass
    return 0.0


class MemorySampler(threading.Thread):
    """The peak, over a run, of the memory of this process and its workers together (sum of PSS,
    sampled every 20 ms): summing each process's own peak would count at once peaks that happened
    at different moments, and the pages the workers share with their forkserver once per worker."""

    def __init__(self, pids):
        super().__init__(daemon=True)
        self.pids, self.peak, self.stopped = ["self", *pids], 0.0, threading.Event()

    def run(self):
        while not self.stopped.wait(0.02):
            self.peak = max(self.peak, sum(pss_mb(pid) for pid in self.pids))

    def __exit__(self, *exc):
        self.stopped.set()
        self.join()

    def __enter__(self):
        self.start()
        return self


def measure(db_path, out_pdf=None, repeats=3):
    setup_django(db_path)
    from django.conf import settings
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from pypdf import PdfReader

    from plans.models import ActionPlan
    from reports import pdf_parallel
    from reports.context import BookletParams, booklet_context
    from reports.pdf import booklet_pdf_from_html, render_booklet_html

    plan = ActionPlan.objects.select_related("office", "fiscal_year").get()
    params = BookletParams(
        action_plan=plan, months=6, document_number="1/2567", foreword=text(random.Random(1), 6)
    )
    workers = settings.BOOKLET_PDF_WORKERS
    render_booklet_html(params)  # warm up templates and imports; not counted
    t = time.perf_counter()
    if workers > 1:
        pdf_parallel.warm_up(workers)  # a server starts its workers once; not counted below
    booklet_pdf_from_html("<p>ทดสอบ</p>", workers=1)  # Pango and fonts in this process
    start_up = time.perf_counter() - t

    runs = []
    for _ in range(repeats):
        timings = {}
        t0 = time.perf_counter()
        with CaptureQueriesContext(connection) as queries:
            context = booklet_context(params)
        t1 = time.perf_counter()
        html = render_booklet_html(params, context=context)
        t2 = time.perf_counter()
        with MemorySampler(pdf_parallel.worker_pids()) as memory:
            pdf = booklet_pdf_from_html(html, digits=params.digits, timings=timings)
        t3 = time.perf_counter()
        outside = (t2 - t0) + timings.get("join_s", 0.0)
        runs.append(
            {
                "figures_s": t1 - t0,
                "template_s": t2 - t1,
                "join_s": timings.get("join_s", 0.0),
                "weasyprint_s": t3 - t2 - timings.get("join_s", 0.0),
                "html_s": t2 - t0,
                "pdf_s": t3 - t0,
                "outside_weasyprint_pct": 100 * outside / (t3 - t0),
                "queries": len(queries),
                "peak_pss_mb": memory.peak,
            }
        )
    if out_pdf:
        Path(out_pdf).write_bytes(pdf)
    best = min(runs, key=lambda run: run["pdf_s"])
    workers_mb = sum(peak_mb(pid) for pid in pdf_parallel.worker_pids())
    return {
        **best,
        "pdf_s_all": [run["pdf_s"] for run in runs],
        "workers": workers,
        "start_up_s": start_up,
        "pages": len(PdfReader(io.BytesIO(pdf)).pages),
        "peak_mb": max(run["peak_pss_mb"] for run in runs),
        "peak_rss_sum_mb": peak_mb() + workers_mb,
        "peak_mb_self": peak_mb(),
        "peak_mb_workers": workers_mb,
        "pdf_kb": len(pdf) / 1024,
    }


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--projects", type=int, nargs="+", default=[40, 500])
    parser.add_argument("--keep", action="store_true", help="keep the PDFs in /tmp")
    parser.add_argument("--step", choices=["build", "measure"], help=argparse.SUPPRESS)
    parser.add_argument("--db", help=argparse.SUPPRESS)
    parser.add_argument("--pdf", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.step == "build":
        build(args.db, args.projects[0])
        return
    if args.step == "measure":
        print(json.dumps(measure(args.db, args.pdf)))
        return
    print(
        f"{'projects':>8} {'pages':>5} {'PDF s':>6} {'HTML s':>6} {'outside WP':>10} {'queries':>7} "
        f"{'peak MB':>7} {'PDF KB':>7}"
    )
    for n in args.projects:
        # One file per run: several checkouts on one machine may measure at the same time.
        db = f"/tmp/tidtam_bench_{n}_{os.getpid()}.sqlite3"
        me = [sys.executable, __file__, "--projects", str(n), "--db", db]
        subprocess.run(me + ["--step", "build"], check=True)
        pdf = f"/tmp/tidtam_bench_{n}.pdf" if args.keep else None
        out = subprocess.run(
            me + ["--step", "measure"] + (["--pdf", pdf] if pdf else []),
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        r = json.loads(out.strip().splitlines()[-1])
        print(
            f"{n:>8} {r['pages']:>5} {r['pdf_s']:>6.2f} {r['html_s']:>6.2f} "
            f"{r['outside_weasyprint_pct']:>9.1f}% "
            f"{r['queries']:>7} {r['peak_mb']:>7.0f} {r['pdf_kb']:>7.0f}"
        )
        print(
            f"{'':>8} best of {len(r['pdf_s_all'])} runs (all: {', '.join(f'{t:.2f}' for t in r['pdf_s_all'])} s); "
            f"figures {r['figures_s']:.2f} s, template {r['template_s']:.2f} s, "
            f"WeasyPrint {r['weasyprint_s']:.2f} s, joining {r['join_s']:.2f} s; "
            f"{r['workers']} worker process(es), started once in {r['start_up_s']:.2f} s; "
            f"peak memory (PSS of all processes together, sampled) {r['peak_mb']:.0f} MB; each process's "
            f"own peak RSS: this one {r['peak_mb_self']:.0f} MB, workers {r['peak_mb_workers']:.0f} MB"
            f"{'; PDF: ' + pdf if pdf else ''}"
        )
        os.remove(db)


if __name__ == "__main__":
    main()
