"""Expected answers of every URL for every kind of user, one module per area.

Each module defines RULES: {url_name: Rule(...)}. The permission matrix test walks every URL in the
URL configuration and fails for a URL that no module has a rule for. Users (keys of `expect`):
anonymous, owner_a, owner_b, planner, director, finance, other_planner. Objects come from the `world`
fixture (tests/conftest.py); `kwargs` builds the URL's arguments from it.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

USERS = ["anonymous", "owner_a", "owner_b", "planner", "director", "finance", "other_planner"]


@dataclass
class Rule:
    expect: dict  # user -> expected status code (302 for anonymous means: redirect to login)
    method: str = "GET"
    kwargs: Callable = field(default=lambda world: {})
    data: Callable = field(default=lambda world: {})
