"""Rules for finance's pages (issue #3).

Every member of the office reads the money pages; another office's project is 404. Finance and the
planner record and correct disbursements; owners and directors get 403.
"""

import datetime
from decimal import Decimal

from budget.models import Disbursement
from tests.permission_rules import Rule

READ_ALL = {
    "anonymous": 302,
    "owner_a": 200,
    "owner_b": 200,
    "planner": 200,
    "director": 200,
    "finance": 200,
    "other_planner": 200,
}
READ_OBJECT = {**READ_ALL, "other_planner": 404}


def writers(ok):
    return {
        "anonymous": 302,
        "owner_a": 403,
        "owner_b": 403,
        "planner": ok,
        "director": 403,
        "finance": ok,
        "other_planner": 404,
    }


def _disbursement(world):
    return Disbursement.objects.get_or_create(
        project=world.project_a,
        reference="PERM-1",
        defaults={"date": datetime.date(2024, 1, 15), "amount": Decimal("100")},
    )[0]


RULES = {
    "budget:disbursements": Rule(expect=READ_ALL),
    "budget:project": Rule(kwargs=lambda w: {"pk": w.project_a.pk}, expect=READ_OBJECT),
    # An empty form comes back with the errors shown (200) for those who may write.
    "budget:disbursement_add": Rule(
        method="POST", kwargs=lambda w: {"pk": w.project_a.pk}, expect=writers(200)
    ),
    "budget:disbursement_edit": Rule(kwargs=lambda w: {"pk": _disbursement(w).pk}, expect=writers(200)),
    # Without a reason nothing is deleted; the user is sent back to the edit page.
    "budget:disbursement_delete": Rule(
        method="POST", kwargs=lambda w: {"pk": _disbursement(w).pk}, expect=writers(302)
    ),
}
