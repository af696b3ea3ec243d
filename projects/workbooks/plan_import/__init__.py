"""Importing an action plan workbook: read → check → preview → apply.

`check_plan_import` reads the whole file, checks every cell and every reference, and compares the
file with the plan as it is now: what would be created, changed, left unchanged, and what exists
but is not in the file (left alone, never deleted). `plan_import_apply` runs the same check again
inside one transaction with the plan locked, and writes only when the whole file is valid, so a
preview is never trusted against a database that changed since, and nothing is half-written.
Matching rules are described in projects.workbooks.plan_workbook.

The stages, one module each: `read` (cells → records), `check` with `check_projects` and `check_rows`
(records → changes and problems, against the plan as stored), `apply` (changes → rows); `changes` holds
what a check finds. Uploads waiting for confirmation are in `projects.workbooks.uploads`.
"""

from projects.workbooks.plan_import.apply import plan_import_apply
from projects.workbooks.plan_import.changes import (
    FieldChange,
    PlanCheck,
    PlanImportInvalid,
    PreviewOutdated,
    RowChange,
    preview_fingerprint,
)
from projects.workbooks.plan_import.check import check_plan_import
from projects.workbooks.plan_import.read import _read_records

__all__ = [
    "FieldChange",
    "PlanCheck",
    "PlanImportInvalid",
    "PreviewOutdated",
    "RowChange",
    "_read_records",
    "check_plan_import",
    "plan_import_apply",
    "preview_fingerprint",
]
