"""The web process's garbage collector, set once when the WSGI application is loaded (config/wsgi.py).

A page of a large office builds tens of thousands of short-lived objects (rows, figures, template
nodes). With Python's default thresholds (700, 10, 10) that starts a young collection every 700
allocations and, every hundred of those, a full one that walks every object of the process, Django's
own included; in the 1,000-project benchmark these collections were most of the gap between a page's
median and its 95th percentile. Here: start-up objects are frozen (never walked again) and
collections run about seventy times less often. The memory a request may hold before a collection
grows by a few megabytes; gunicorn's --max-requests still replaces workers.
"""

import gc

THRESHOLDS = (50_000, 20, 20)


def tune():
    gc.collect()
    gc.freeze()
    gc.set_threshold(*THRESHOLDS)
