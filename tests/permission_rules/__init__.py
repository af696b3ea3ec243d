"""Expected answers of every URL for every kind of user, one module per area.

Each module defines RULES: {url_name: Rule(...)}. The permission matrix test walks every URL in the
URL configuration and fails for a URL that no module has a rule for. Users (keys of `expect`):
anonymous, owner_a, owner_b, planner, director, finance, other_planner, and two members holding
more than one role (issue #15): head_a (a group director: main role director, also finance, and an
owner of project A) and director_planner (a deputy director who is also a planner). Objects come
from the `world` fixture (tests/conftest.py); `kwargs` builds the URL's arguments from it.

Roles combine as a union (plans/access.py): unless a rule says otherwise, a combined user gets the
answer of the first of its parts that is let in, else 403 if any part is a member who may not,
else 404. A rule states the combined users' answers itself where the union does not hold (an upload
is seen only by the person who uploaded it, whatever their roles).
"""

from collections.abc import Callable
from dataclasses import dataclass, field

SINGLE_USERS = ["anonymous", "owner_a", "owner_b", "planner", "director", "finance", "other_planner"]
# Each combined user and the users whose rights it holds, most powerful first.
COMBINED = {
    "head_a": ("finance", "owner_a", "director"),
    "director_planner": ("planner", "director"),
}
USERS = SINGLE_USERS + list(COMBINED)


def union(codes):
    """The answer for a user who holds every part's rights."""
    for code in codes:
        if code not in (403, 404):
            return code
    return 403 if 403 in codes else 404


@dataclass
class Rule:
    expect: dict  # user -> expected status code (302 for anonymous means: redirect to login)
    method: str = "GET"
    kwargs: Callable = field(default=lambda world: {})
    data: Callable = field(default=lambda world: {})

    def __post_init__(self):
        self.expect = dict(self.expect)
        for name, parts in COMBINED.items():
            if name not in self.expect and all(part in self.expect for part in parts):
                self.expect[name] = union([self.expect[part] for part in parts])
