"""Benchmark: the 6-month booklet of an office of 40 projects (and of 500) with Q1 and Q2 reports.

    .venv/bin/python benchmarks/booklet.py [--projects 40 500] [--photos 2] [--keep] [--republish-runs 10]
                                           [--default-gc]

Each size is built in its own SQLite file in a temporary folder of this run, then measured in a fresh process. The PDF
is made as the portal makes it (reports.pdf.booklet_pdf_from_html): a large booklet is laid out
by TIDTAM_PDF_WORKERS worker processes (default: the machine's cores, at most 4; set it to 1 to
measure one process). The workers are started before timing, as a server starts them once.
Each booklet is made three times and the best run is printed, with all three times: the machine
is shared and noisy. Prints, per size: pages, HTML time (figures + template), PDF time (all of
it), the part of the PDF time outside WeasyPrint (figures, template and joining the pieces),
SQL queries, peak memory (of this process and its workers together, see MemorySampler: taken in
one more run, so the sampler does not slow the timed ones). Targets for 40 projects
(issue #4): PDF <= 5 s, outside WeasyPrint <= 20 %, query count independent of the number of
projects, peak memory <= 300 MB.

--photos N gives every project's Q2 report N activity photos (1280 x 960 JPEGs drawn with Pillow,
stored through the evidence service: print size and thumbnail made on upload, as in the portal),
and the booklet prints all of them; the build time then includes the uploads.
"""

import argparse
import datetime
import gc
import io
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
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
    os.environ["TIDTAM_MEDIA_ROOT"] = f"{db_path}.media"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()


def build(db_path, n_projects, offices=1, photos=0):
    """`offices` offices, each with 6 groups, 6 strategies and `n_projects` projects with Q1 and Q2
    reports (benchmarks/offices.py builds many), and `photos` photos on each Q2 report."""
    if os.path.exists(db_path):
        os.remove(db_path)
    shutil.rmtree(f"{db_path}.media", ignore_errors=True)
    setup_django(db_path)
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from budget.models import CabinetTarget
    from plans.models import FiscalYear

    fy = FiscalYear.objects.get_or_create(be_year=2567)[0]
    for q, pct in ((1, "30"), (2, "50"), (3, "75"), (4, "100")):
        CabinetTarget.objects.create(fiscal_year=fy, quarter=q, cumulative_percent=Decimal(pct))
    rng = random.Random(4)
    for number in range(offices):
        suffix = f" {number + 1}" if offices > 1 else ""
        build_office(rng, fy, n_projects, suffix)
    if photos:
        add_photos(photos)


def populate(n_projects):
    """One office, in the database Django is set up with (also used by load.py, large_office.py)."""
    from budget.models import CabinetTarget
    from plans.models import FiscalYear

    fy = FiscalYear.objects.get_or_create(be_year=2567)[0]
    for q, pct in ((1, "30"), (2, "50"), (3, "75"), (4, "100")):
        CabinetTarget.objects.get_or_create(fiscal_year=fy, quarter=q, defaults={"cumulative_percent": Decimal(pct)})
    build_office(random.Random(4), fy, n_projects)


def build_office(rng, fy, n_projects, suffix=""):
    from budget.models import Allocation, BudgetSource, Disbursement, SpendingPlan
    from plans.models import ActionPlan, DevelopmentPlan, Group, Office, Strategy
    from projects.models import (
        Activity,
        ActivityProgress,
        Indicator,
        IndicatorResult,
        Project,
        QuarterlyReport,
    )

    office = Office.objects.create(name=f"สำนักงานเขตพื้นที่การศึกษาประถมศึกษาทดสอบ{suffix}",
                                   short_name=f"สพป.ทดสอบ{suffix}")
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
    for a in Activity.objects.filter(project__in=projects):
        acts.setdefault(a.project_id, []).append(a)
    inds = {}
    for i in Indicator.objects.filter(project__in=projects):
        inds.setdefault(i.project_id, []).append(i)
    progress, results = [], []
    for r in QuarterlyReport.objects.filter(project__in=projects):
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


def add_photos(per_report):
    from django.contrib.auth import get_user_model
    from django.core.files.base import ContentFile

    from demo.evidence import activity_photo
    from projects.evidence.services import Upload, attachments_store
    from projects.models import QuarterlyReport

    user = get_user_model().objects.create(username="bench-owner")
    for report in QuarterlyReport.objects.filter(quarter=2).select_related("project"):
        uploads = [
            Upload(name=f"IMG_{report.pk}_{n}.jpg", caption=f"ภาพกิจกรรมที่ {n} " + SENTENCES[n % len(SENTENCES)][:60],
                   file=ContentFile(activity_photo(report.pk * 10 + n), name="p.jpg"))
            for n in range(1, per_report + 1)
        ]
        attachments_store(project=report.project, report=report, user=user, uploads=uploads)


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


class MemorySampler:
    """The peak, over a run, of the memory of this process and its workers together (sum of PSS,
    sampled every 50 ms): summing each process's own peak would count at once peaks that happened
    at different moments, and the pages the workers share with their forkserver once per worker.

    It samples from a process of its own (`--step sample`), not a thread of this one: a thread would
    take the GIL from the layout it measures. measure() times the runs without it anyway and makes one
    more run for memory alone, and prints what the sampler cost that run."""

    def __init__(self, pids):
        self.pids, self.peak = [str(os.getpid()), *map(str, pids)], 0.0

    def __enter__(self):
        self.process = subprocess.Popen(
            [sys.executable, __file__, "--step", "sample", "--pids", *self.pids],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
        )
        self.process.stdout.readline()  # "ready": the first sample is taken
        return self

    def __exit__(self, *exc):
        out, _ = self.process.communicate("")
        self.peak = float(out.strip() or 0)


def sample(pids, every_s=0.05):
    """--step sample: sample until stdin closes, then print the peak."""
    peak, stop = 0.0, threading.Event()

    def watch_stdin():
        sys.stdin.read()
        stop.set()

    threading.Thread(target=watch_stdin, daemon=True).start()
    peak = sum(pss_mb(pid) for pid in pids)
    print("ready", flush=True)
    while not stop.wait(every_s):
        peak = max(peak, sum(pss_mb(pid) for pid in pids))
    print(peak)


def cpu_s(pid="self"):
    """A process's CPU seconds so far (user + system)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def all_cpu_s(pids):
    """CPU seconds of this process and the PDF worker processes together."""
    return sum(cpu_s(pid) for pid in ["self", *pids])


def republish(params, workers, pids, project=9, sentences=2):
    """Issue #13 point 6: one project's Q2 report changes (`sentences` sentences more: 2 keep its page
    count, GROW_SENTENCES add about a page, which moves every page number after it and the contents'
    numbers), then the booklet is made again as the portal makes it, with the laid-out pieces of the
    render before it in the cache. Returns what it cost: seconds, CPU seconds of this process and the
    workers together ("cpu", the target's worker time), and of its phases (figures and HTML in this
    process, the workers' layouts, the join), what was laid out, and the load average then."""
    from projects.models import QuarterlyReport
    from reports.context import booklet_context
    from reports.pdf import booklet_pdf_from_html, render_booklet_html

    report = QuarterlyReport.objects.filter(quarter=2).order_by("project__code")[project]
    report.results += " " + text(random.Random(report.pk), sentences)
    report.save()
    timings = {}
    load = Path("/proc/loadavg").read_text().split()[0]
    t, cpu, own = time.perf_counter(), all_cpu_s(pids), time.process_time()
    html = render_booklet_html(params, context=booklet_context(params))
    html_cpu = time.process_time() - own
    booklet_pdf_from_html(html, digits=params.digits, workers=workers, timings=timings)
    return {"s": time.perf_counter() - t, "cpu": all_cpu_s(pids) - cpu, "html_cpu": html_cpu,
            "workers_cpu": timings.get("workers_cpu_s", 0.0), "join_cpu": timings.get("join_cpu_s", 0.0),
            "laid_out": timings.get("pieces_laid_out"), "cached": timings.get("pieces_from_cache"),
            "stamps": timings.get("stamps_laid_out"), "contents": timings.get("contents_laid_out"), "load": load}


def bare_weasyprint(html):
    """The same HTML through WeasyPrint alone, in this process: (seconds, CPU seconds)."""
    from django.conf import settings
    from weasyprint import CSS, HTML

    t, cpu = time.perf_counter(), time.process_time()
    HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf(
        stylesheets=[CSS(filename=str(settings.BASE_DIR / "static" / "css" / "booklet.css"))])
    seconds = time.perf_counter() - t, time.process_time() - cpu
    # Its box tree, not counted: left to the collector, it fell on a re-publish after it (0.9 CPU s). The
    # portal's own layouts in this process give theirs back (reports/pdf_worker.document_pdf).
    gc.collect()
    return seconds


REPUBLISH_RUNS = 10  # of each kind, each printed: the target is every re-publish, not the best one
GROW_SENTENCES = 25  # about a page of a project's section


def measure(db_path, out_pdf=None, repeats=3, photos=0, data_uris=False, quick=False,
            republish_runs=REPUBLISH_RUNS, default_gc=False):
    """data_uris: photos travel inside the HTML as data URIs, as before #18's URL fetcher (as they still
    do from an S3 bucket). quick (and data_uris): one timed run, no bare WeasyPrint, no re-publishing.
    This process stands for a Celery worker process: its start-up objects are frozen as config/celery.py
    freezes a worker's (default_gc: Python's collector as it comes)."""
    os.environ["TIDTAM_PDF_CACHE_DIR"] = f"{db_path}.pdf-cache"  # this run's own, emptied before each render
    setup_django(db_path)
    if data_uris:
        from reports import evidence

        evidence.evidence_folder = lambda: None
    quick = quick or data_uris
    repeats = 1 if quick else repeats
    from django.conf import settings
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from pypdf import PdfReader

    from plans.models import ActionPlan
    from reports import pdf_parallel
    from reports.context import BookletParams, booklet_context
    from reports.pdf import booklet_pdf_from_html, render_booklet_html

    if not default_gc:
        from config.gc_tuning import freeze_start_up

        freeze_start_up()  # where a Celery worker process is when its first job comes: Django and the tasks loaded
    plan = ActionPlan.objects.select_related("office", "fiscal_year").get()
    params = BookletParams(
        action_plan=plan, months=6, document_number="1/2567", foreword=text(random.Random(1), 6),
        photos="all" if photos else "none",
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
        shutil.rmtree(settings.BOOKLET_PDF_CACHE_DIR, ignore_errors=True)  # a first render each time
        timings = {}
        cpu0 = all_cpu_s(pdf_parallel.worker_pids())
        t0 = time.perf_counter()
        with CaptureQueriesContext(connection) as queries:
            context = booklet_context(params)
        t1 = time.perf_counter()
        html = render_booklet_html(params, context=context)
        t2 = time.perf_counter()
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
                "cpu_s": all_cpu_s(pdf_parallel.worker_pids()) - cpu0,
            }
        )
    # Memory: one more run, with the sampler (its cost to this run is printed, not hidden in the times),
    # a first render like the timed ones (with the cache of the last one, it would only join pieces).
    html = render_booklet_html(params, context=booklet_context(params))
    shutil.rmtree(settings.BOOKLET_PDF_CACHE_DIR, ignore_errors=True)
    t = time.perf_counter()
    with MemorySampler(pdf_parallel.worker_pids()) as memory:
        booklet_pdf_from_html(html, digits=params.digits)
    sampled_s = time.perf_counter() - t
    workers_mb, self_mb = sum(peak_mb(pid) for pid in pdf_parallel.worker_pids()), peak_mb()
    # The same HTML through WeasyPrint alone; then re-publishing after one project changed (the
    # cache holds the last render's pieces); after the memory run, which they would disturb.
    bare = min(bare_weasyprint(html) for _ in range(2)) if not quick else (0.0, 0.0)
    again, grown = [], []
    if not quick:
        again = [republish(params, workers, pdf_parallel.worker_pids()) for _ in range(republish_runs)]
        # A change that adds about a page to a project (another one each time): every page after it moves.
        grown = [republish(params, workers, pdf_parallel.worker_pids(), project=(20 + n) % plan.projects.count(),
                           sentences=GROW_SENTENCES)
                 for n in range(republish_runs)]
    if out_pdf:
        Path(out_pdf).write_bytes(pdf)
    best = min(runs, key=lambda run: run["pdf_s"])
    return {
        **best,
        "pdf_s_all": [run["pdf_s"] for run in runs],
        "workers": workers,
        "start_up_s": start_up,
        "pages": len(PdfReader(io.BytesIO(pdf)).pages),
        "peak_mb": memory.peak,
        "sampled_pdf_s": sampled_s,
        "best_weasyprint_and_join_s": min(run["weasyprint_s"] + run["join_s"] for run in runs),
        "peak_rss_sum_mb": self_mb + workers_mb,
        "peak_mb_self": self_mb,
        "peak_mb_workers": workers_mb,
        "pdf_kb": len(pdf) / 1024,
        "photos": photos,
        "cpu_s_all": [run["cpu_s"] for run in runs],
        "bare_s": bare[0],
        "bare_cpu_s": bare[1],
        "republish": again,
        "republish_grown": grown,
        "pages_after": len(PdfReader(io.BytesIO(booklet_pdf_from_html(
            render_booklet_html(params, context=booklet_context(params)), digits=params.digits))).pages)
        if grown else 0,
    }


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--projects", type=int, nargs="+", default=[40, 500])
    parser.add_argument("--photos", type=int, default=0, help="activity photos on each project's Q2 report")
    parser.add_argument("--keep", action="store_true", help="keep the PDFs (their folder is printed)")
    parser.add_argument("--republish-runs", type=int, default=REPUBLISH_RUNS,
                        help="re-publishes of each kind (pages the same; a page more), each printed")
    parser.add_argument("--default-gc", action="store_true",
                        help="Python's collector as it comes, not a Celery worker process's (config/celery.py)")
    parser.add_argument("--step", choices=["build", "measure", "sample"], help=argparse.SUPPRESS)
    parser.add_argument("--db", help=argparse.SUPPRESS)
    parser.add_argument("--pdf", help=argparse.SUPPRESS)
    parser.add_argument("--pids", nargs="*", help=argparse.SUPPRESS)
    parser.add_argument("--offices", type=int, default=1, help=argparse.SUPPRESS)
    parser.add_argument("--data-uris", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--quick", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.step == "sample":
        sample(args.pids)
        return
    if args.step == "build":
        build(args.db, args.projects[0], offices=args.offices, photos=args.photos)
        return
    if args.step == "measure":
        print(json.dumps(measure(args.db, args.pdf, photos=args.photos, data_uris=args.data_uris, quick=args.quick,
                                 republish_runs=args.republish_runs, default_gc=args.default_gc)))
        return
    print(
        f"{'projects':>8} {'pages':>5} {'PDF s':>6} {'HTML s':>6} {'outside WP':>10} {'queries':>7} "
        f"{'peak MB':>7} {'PDF KB':>7} {'photos':>6}"
    )
    # A folder of this run's own: two runs at once do not share (or delete) each other's files.
    folder = Path(tempfile.mkdtemp(prefix="tidtam-bench-"))
    for n in args.projects:
        db = str(folder / f"booklet_{n}.sqlite3")
        me = [sys.executable, __file__, "--projects", str(n), "--db", db, "--photos", str(args.photos),
              "--republish-runs", str(args.republish_runs)] + (["--default-gc"] if args.default_gc else [])
        subprocess.run(me + ["--step", "build"], check=True)
        pdf = str(folder / f"booklet_{n}.pdf") if args.keep else None
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
            f"{r['queries']:>7} {r['peak_mb']:>7.0f} {r['pdf_kb']:>7.0f} {n * args.photos:>6}"
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
        print(
            f"{'':>8} memory from one more run with the sampler: {r['sampled_pdf_s']:.2f} s against the best "
            f"{r['best_weasyprint_and_join_s']:.2f} s without it "
            f"({100 * (r['sampled_pdf_s'] / r['best_weasyprint_and_join_s'] - 1):+.0f} %, noise included); "
            f"the times above are of runs without it"
        )
        if args.photos:
            # The same booklet with its photos inside the HTML (before #18's fetcher; an S3 bucket still).
            out = subprocess.run(me + ["--step", "measure", "--data-uris"], check=True, capture_output=True,
                                 text=True).stdout
            d = json.loads(out.strip().splitlines()[-1])
            print(
                f"{'':>8} photos as data URIs in the HTML instead: peak {d['peak_mb']:.0f} MB, PDF {d['pdf_s']:.2f} s, "
                f"{d['pdf_kb']:.0f} KB; by name through the URL fetcher: peak {r['peak_mb']:.0f} MB = "
                f"{r['peak_mb'] / d['peak_mb']:.2f}x (target 300 MB)"
            )
        print(
            f"{'':>8} first render: {r['pdf_s']:.2f} s, {min(r['cpu_s_all']):.2f} CPU s (this process and the "
            f"workers; all: {', '.join(f'{c:.2f}' for c in r['cpu_s_all'])}); bare WeasyPrint on the same HTML in "
            f"one process: {r['bare_s']:.2f} s, {r['bare_cpu_s']:.2f} CPU s; ratio {r['pdf_s'] / r['bare_s']:.2f}x "
            f"time, {min(r['cpu_s_all']) / r['bare_cpu_s']:.2f}x CPU"
        )
        for label, runs in (("one project's report changed (its pages the same)", r["republish"]),
                            ("a project's report grew by about a page (another project each time)",
                             r["republish_grown"])):
            print(f"{'':>8} re-publish after {label}, each run (load average then; CPU s of this process and the "
                  f"workers = figures and HTML + the workers' layouts + joining + the rest):")
            for run in runs:
                print(
                    f"{'':>10} {run['s']:.2f} s, {run['cpu']:.2f} CPU s = {run['html_cpu']:.2f} + "
                    f"{run['workers_cpu']:.2f} + {run['join_cpu']:.2f} + "
                    f"{run['cpu'] - run['html_cpu'] - run['workers_cpu'] - run['join_cpu']:.2f} "
                    f"(load {run['load']}; {run['laid_out']} piece laid out, {run['cached']} from the cache, "
                    f"{run['stamps']} page number(s) stamped, contents "
                    f"{'laid out again' if run['contents'] else 'from the cache'})")
            cpu = sorted(run["cpu"] for run in runs)
            print(
                f"{'':>8}   CPU s: median {statistics.median(cpu):.2f}, worst {cpu[-1]:.2f}, best {cpu[0]:.2f}; "
                f"{sum(c <= 1.5 for c in cpu)} of {len(cpu)} within the target 1.5 s; median = "
                f"{statistics.median(cpu) / min(r['cpu_s_all']):.2f}x the first render's CPU; load average "
                f"{min(run['load'] for run in runs)}-{max(run['load'] for run in runs)}"
            )
        print(f"{'':>8} pages after the re-publishes: {r['pages_after']} (before: {r['pages']})")
        os.remove(db)
    if not args.keep:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
