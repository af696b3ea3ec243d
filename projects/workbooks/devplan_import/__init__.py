"""Importing a development plan workbook: read → check (`check`) → preview → apply (`apply`).

`check_devplan_import` reads every sheet, checks every cell and reference (strategies, goals,
approaches, parent indicators, groups, target and result values by the indicator's kind) and compares
the file with the plan as stored. `devplan_import_apply` runs the same check again inside one
transaction with the plan locked and writes only when the whole file is valid and the preview still
holds; nothing is half-written.
"""

from projects.workbooks.devplan_import.apply import devplan_import_apply
from projects.workbooks.devplan_import.check import DevplanCheck, DevplanImportInvalid, check_devplan_import

__all__ = ["DevplanCheck", "DevplanImportInvalid", "check_devplan_import", "devplan_import_apply"]
