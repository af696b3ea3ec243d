"""The project's year-end report (แบบรายงานผลการดำเนินงานเมื่อสิ้นสุดโครงการ, reference 003)."""
