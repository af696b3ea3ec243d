from plans.interface_digits import digits_of
from plans.selectors import membership_of


def membership(request):
    """Expose the signed-in user's office and role to every template (for the navigation bar), and the
    office's interface digits as `digits` for the `thai` filters ({{ amount|money:digits }})."""
    member = membership_of(request.user) if hasattr(request, "user") else None
    return {"membership": member, "digits": digits_of(member.office if member else None)}
