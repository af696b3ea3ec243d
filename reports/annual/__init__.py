"""The annual report (รายงานผลการดำเนินงาน ประจำปีงบประมาณ): the year judged against its plan, as 002/004 print it.

models (the planner's set-up and what was published), parts (what a report may print), context (the
template context from reports/figures/annual.py), document (HTML and PDF), excel, services, selectors,
forms, views and urls (mounted under /booklets/annual/).
"""
