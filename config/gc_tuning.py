"""The garbage collector of the portal's long-lived processes.

The web process (tune(), called by config/wsgi.py when the WSGI application is loaded): a page of a
large office builds tens of thousands of short-lived objects (rows, figures, template nodes). With
Python's default thresholds (700, 10, 10) that starts a young collection every 700 allocations and,
every hundred of those, a full one that walks every object of the process, Django's own included; in
the 1,000-project benchmark these collections were most of the gap between a page's median and its
95th percentile. Here: start-up objects are frozen (never walked again) and collections run about
seventy times less often. The memory a request may hold before a collection grows by a few
megabytes; gunicorn's --max-requests still replaces workers.

A Celery worker process (freeze_start_up(), on worker_process_init in config/celery.py): its start-up
objects are frozen, its thresholds stay Python's. A job lays out and joins documents whose garbage
should go soon; what cost a re-publish was each full pass walking Django and every module again
(0.1-0.5 CPU s of a 0.5 s re-publish, benchmarks/booklet.py).
"""

import gc

THRESHOLDS = (50_000, 20, 20)


def freeze_start_up():
    """Leave the objects the process holds now out of every later collection (collected first, so
    no garbage is frozen with them)."""
    gc.collect()
    gc.freeze()


def tune():
    freeze_start_up()
    gc.set_threshold(*THRESHOLDS)
