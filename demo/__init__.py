"""The demo office (reference 003, สพป.สมุทรสาคร FY2567): data modules, loaded by `manage.py seed_demo`.

Data lives in office.py, people.py, projects.py and reports.py (the shared catalogue in
catalogue/2567.json at the project root); loader.py writes it.
"""
