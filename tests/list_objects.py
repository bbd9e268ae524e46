"""Objects for the list pages of issue 25 (saved filters, bulk actions) that the role matrix and the foreign posts
use."""

from jobroad.models import SavedFilter


def saved_filter_of(user) -> SavedFilter:
    saved, _ = SavedFilter.objects.get_or_create(user=user, page="candidate_list", name="Arabic", query="language=ar")
    return saved
