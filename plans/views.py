from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect


@login_required
def home(request):
    """Each role lands on its own page; until those pages exist, everyone starts at the projects."""
    return redirect("projects:list")
