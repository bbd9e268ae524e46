"""What a coordinator does on the matching page, written once for the tests that need it."""

from django.urls import reverse


def run(client, world):
    """Run the matching of campaign A through its page: two interviews a candidate, three candidates a vacancy."""
    return client.post(
        reverse("campaign_matching", kwargs={"pk": world.campaign_a.pk}),
        {"interviews_per_candidate": "2", "candidates_per_vacancy": "3", "max_commute_minutes": "75"},
    )


def confirm(client, world):
    """Confirm campaign A's draft proposals the way a coordinator does: read the confirmation page, tick "yes" and
    send back the numbers it showed."""
    url = reverse("matching_confirm", kwargs={"pk": world.campaign_a.pk})
    outline = client.get(url).context["outline"]
    return client.post(url, {"proposals": outline.proposals, "messages": outline.messages, "confirm": "yes"})
