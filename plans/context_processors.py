from plans.selectors import membership_of


def membership(request):
    """Expose the signed-in user's office and role to every template (for the navigation bar)."""
    return {"membership": membership_of(request.user) if hasattr(request, "user") else None}
