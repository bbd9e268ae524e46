"""Demo dietary needs (issue 23, item 3): some candidates of the project week chose to tell what they eat, so the run
sheet's lunch table has dietary counts. All fictional; only counts ever show."""

from campaigns.models import Campaign, CampaignPhase
from candidates.choices import DietaryNeed
from candidates.models import Candidate

NEEDS = [DietaryNeed.HALAL, "", DietaryNeed.VEGETARIAN, DietaryNeed.HALAL, "", DietaryNeed.NO_PORK]


def seed_dietary_needs() -> None:
    campaigns = Campaign.objects.filter(phase=CampaignPhase.PROJECT_WEEK)
    people = Candidate.objects.filter(enrolments__campaign__in=campaigns, dietary_need="").distinct().order_by("pk")
    for number, candidate in enumerate(people):
        if need := NEEDS[number % len(NEEDS)]:
            candidate.dietary_need = need
            candidate.save(update_fields=["dietary_need"])
