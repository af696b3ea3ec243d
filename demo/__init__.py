"""The demo office (reference 003, สพป.สมุทรสาคร FY2567): data modules, loaded by `manage.py seed_demo`.

Data lives in office.py, people.py, catalogue.py, projects.py and reports.py; loader.py writes it.
"""
