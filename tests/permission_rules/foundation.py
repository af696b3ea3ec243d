# The foundation's pages now have rules in their areas' modules: projects:list and projects:detail in
# setup.py (issue #3), reports:dashboard in reports.py (issue #4).
RULES = {}
