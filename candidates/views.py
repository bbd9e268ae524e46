from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, render

from jobroad import permissions
from jobroad.views import paginate


@login_required
def candidate_list(request):
    candidates = (
        permissions.visible_candidates(request.user)
        .select_related("registered_by", "coach")
        .prefetch_related("languages", "campaigns")
    )
    return render(request, "candidates/candidate_list.html", {"page": paginate(request, candidates)})


@login_required
def candidate_detail(request, pk):
    candidate = get_object_or_404(
        permissions.visible_candidates(request.user).select_related("registered_by", "reception_centre", "coach"),
        pk=pk,
    )
    context = {
        "candidate": candidate,
        "languages": candidate.languages.all(),
        "campaigns": permissions.visible_campaigns(request.user).filter(enrolments__candidate=candidate),
    }
    return render(request, "candidates/candidate_detail.html", context)
