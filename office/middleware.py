"""A member given a temporary password chooses their own before doing anything else."""

from django.shortcuts import redirect
from django.urls import reverse

from plans.selectors import membership_of


class ChangeTemporaryPasswordMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        allowed = (reverse("password_change"), reverse("logout"))
        if request.path not in allowed and not request.path.startswith(("/static/", "/media/")):
            membership = membership_of(request.user)
            if membership is not None and membership.must_change_password:
                return redirect("password_change")
        return self.get_response(request)
