"""The office runs itself (issue #15): people, the office profile and year settings are the office
planner's pages (403 for every other member, 404 for another office's objects); every member changes
their own password."""

from office.people_import import people_upload_create
from office.people_sheet import build_people_workbook
from plans.models import Membership
from tests.permission_rules import Rule
from tests.permission_rules.setup import READ_ALL, planner_object, planner_page


def _person(w):
    return {"pk": Membership.objects.get(user=w.owner_b).pk}


def _upload(w):
    data = build_people_workbook(w.office, members=Membership.objects.filter(office=w.office))
    return {"pk": people_upload_create(user=w.planner, office=w.office, file_name="people.xlsx", data=data).pk}


# Another planner's upload: members who may not import get 403 first, other planners 404.
# Someone else's upload does not exist for you (404), whatever your role (issue #11, L6), as in imports.py.
UPLOADER_ONLY = {
    **{user: 404 for user in planner_page()}, "anonymous": 302, "planner": 200, "director_planner": 404,
}

# Only a national administrator (permission plans.add_office) creates offices: no office member may.
NATIONAL_ONLY = {**{user: 403 for user in READ_ALL}, "anonymous": 302}

RULES = {
    "office:office_new": Rule(expect=NATIONAL_ONLY),
    "password_change": Rule(expect=READ_ALL),
    "password_reset_confirm": Rule(expect=READ_ALL | {"anonymous": 200},
                                   kwargs=lambda w: {"uidb64": "MQ", "token": "set-password"}),
    "office:profile": Rule(expect=planner_page()),
    "office:years": Rule(expect=planner_page()),
    # The year is the office's own: office 2's planner edits office 2's settings of the same year.
    "office:year_edit": Rule(expect=planner_page(), kwargs=lambda w: {"be_year": w.plan.fiscal_year.be_year}),
    "office:people": Rule(expect=planner_page()),
    "office:person_create": Rule(expect=planner_page()),
    "office:person_edit": Rule(expect=planner_object(), kwargs=_person),
    "office:person_deactivate": Rule(method="POST", expect=planner_object(302), kwargs=_person),
    "office:person_reactivate": Rule(method="POST", expect=planner_object(302), kwargs=_person),
    "office:person_password": Rule(method="POST", expect=planner_object(302), kwargs=_person),
    "office:person_send_link": Rule(method="POST", expect=planner_object(302), kwargs=_person),
    "office:people_template": Rule(expect=planner_page()),
    "office:people_upload": Rule(expect=planner_page()),
    "office:people_preview": Rule(expect=UPLOADER_ONLY, kwargs=_upload),
    "office:people_confirm": Rule(method="POST", expect={**UPLOADER_ONLY, "planner": 302}, kwargs=_upload),
}
