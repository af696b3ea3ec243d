from tests.permission_rules import Rule

READ_ALL = {"anonymous": 302, "owner_a": 200, "owner_b": 200, "planner": 200, "director": 200,
            "finance": 200, "other_planner": 200}

# projects:list and projects:detail moved to setup.py with the other project pages (issue #3).
RULES = {}

# Placeholders until issues #3 and #4 give these pages their own rules.
RULES["reports:dashboard"] = Rule(expect={**READ_ALL, "owner_a": 302, "owner_b": 302, "planner": 302,
                                          "director": 302, "finance": 302, "other_planner": 302})
RULES["budget:disbursements"] = RULES["reports:dashboard"]
