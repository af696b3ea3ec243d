"""Fuzz every form and every query parameter (issue #11): whatever is typed into any field of any
write page's own form, or into any query parameter, the answer is never a server error, and a write
that is refused (the page comes back with errors) leaves the database exactly as it was.

Runs in the normal suite on SQLite and on PostgreSQL (DATABASE_URL), where lengths, ranges and NUL
bytes are enforced. Few examples per page keep the suite fast; the strategy aims at the inputs
that broke pages before (long Thai text, control characters, superscript and Thai digits, numbers
past a column's range, huge ids)."""

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.permission_rules.writes import WRITES
from tests.test_permission_matrix import _valid_post, fingerprint

HOSTILE = st.one_of(
    st.text(max_size=40),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=90, max_size=400),
    st.sampled_from([
        "", " ", "\x00", "a\x00b", "ก\x0bข", "\u202e67-04", "²", "๑๒,๕๐๐", "１２", "-1", "0", "32768",
        "2147483648", "9" * 30, "1e309", "NaN", "12,5OO", "31/02/2567", "99/99/9999", "=1+1", "ก" * 2100,
        "<script>x</script>", "' OR 1=1 --", "%00", "1.999", "-0.01",
    ]),
)
SETTINGS = settings(max_examples=6, deadline=None, database=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


@pytest.mark.parametrize("name", sorted(WRITES))
def test_any_input_in_any_field_is_no_server_error_and_no_partial_write(client, world, name):
    case = WRITES[name]
    kwargs = case.kwargs(world)  # the objects the page needs are made once, not per example
    url, valid = _valid_post(client, world, name, case, kwargs)
    fields = sorted(valid)
    client.force_login(getattr(world, case.able))

    @SETTINGS
    @given(data=st.data())
    def post(data):
        values = dict(valid)
        chosen = data.draw(st.lists(st.sampled_from(fields), min_size=1, max_size=3, unique=True)) if fields else []
        for field_name in chosen:
            values[field_name] = data.draw(HOSTILE, label=field_name)
        before = fingerprint()
        response = client.post(url, values)
        assert response.status_code < 500
        if response.status_code == 200:  # sent back with errors: nothing written
            assert fingerprint() == before, f"{name}: a refused form changed the database ({chosen})"

    post()


QUERY_PAGES = [("projects:list", "planner"), ("plans:board", "planner"), ("budget:disbursements", "finance"),
               ("imports:index", "planner"), ("imports:plan_export", "planner"), ("reports:dashboard", "director"),
               ("reports:booklets", "director"), ("plans:my_projects", "owner_a")]
PARAMETERS = ["year", "group", "strategy", "status", "q", "quarter", "edit", "page"]


@pytest.mark.parametrize(("name", "user"), QUERY_PAGES)
@settings(max_examples=8, deadline=None, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(params=st.dictionaries(st.sampled_from(PARAMETERS), HOSTILE, max_size=4))
def test_any_query_parameter_is_no_server_error(client, world, name, user, params):
    client.force_login(getattr(world, user))
    assert client.get(reverse(name), params).status_code < 500
