from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect


@login_required
def disbursements(request):
    """Finance's home (issue #3) takes this URL; until then it shows the projects."""
    return redirect("projects:list")
