"""Objects for the list pages of issue 25 (saved filters, bulk actions) that the role matrix and the foreign posts
use."""

from aftercare.models import Placement
from jobroad.models import SavedFilter

from .factories import PlacementFactory


def saved_filter_of(user) -> SavedFilter:
    saved, _ = SavedFilter.objects.get_or_create(user=user, page="candidate_list", name="Arabic", query="language=ar")
    return saved


def placement_of_candidate_b(world) -> Placement:
    """Candidate B's placement in campaign B: only bob (and the admin), his intermediary and his coach see it."""
    return Placement.objects.filter(candidate=world.candidate_b).first() or PlacementFactory(
        candidate=world.candidate_b, company=world.company_b, campaign=world.campaign_b, actor=world.bob
    )
