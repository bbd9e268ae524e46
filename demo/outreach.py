"""Demo outreach (issue 22, item 2): the people who came to the demo's workshops without a name on the list.

Called last by ``seed_demo``, so it covers every session the other demo modules made. Every held session for
residents gets a headcount by reception centre and gender (5 to 25 residents who are not registered candidates);
every held session for companies a few people counted without a name. All fictional; the same on every run (a
session that already has a headcount is left as it is)."""

import random
from datetime import timedelta

from django.utils import timezone

from candidates.models import Gender
from jobroad.models import Organisation
from workshops.models import Headcount, HeadcountChange, Session

# Of the residents counted at a demo workshop: roughly a third women, most of the rest men, a few not known.
GENDER_WEIGHTS = [(Gender.WOMAN, 0.35), (Gender.MAN, 0.55), (Gender.OTHER, 0.10)]


def seed_outreach() -> None:
    now = timezone.now()
    held = (
        Session.objects.filter(cancelled_at__isnull=True, starts_at__lte=now, headcounts=None)
        .select_related("workshop__campaign")
        .prefetch_related("workshop__campaign__reception_centres", "workshop__campaign__coordinators")
        .order_by("starts_at", "pk")
    )
    for session in held:
        campaign = session.workshop.campaign
        rng = random.Random(f"{campaign.name}|{session.workshop.kind}|{session.starts_at:%Y-%m-%d %H:%M}")
        if session.workshop.for_candidates:
            # A campaign that names no reception centre counts its residents as from "another centre or not known".
            centres = sorted(campaign.reception_centres.all(), key=lambda centre: centre.name) or [None]
            counts = resident_counts(rng, centres)
        else:
            counts = {(None, Gender.OTHER): rng.randint(1, 4)}
        coordinator = next(iter(campaign.coordinators.all()), None)
        recorded_at = min(session.ends_at + timedelta(hours=1), now)
        Headcount.objects.bulk_create(
            Headcount(
                session=session, reception_centre=centre, gender=gender, people=people,
                recorded_by=coordinator, recorded_at=recorded_at,
            )
            for (centre, gender), people in counts.items()
            if people
        )  # fmt: skip
        change = HeadcountChange.objects.create(
            session=session, actor=coordinator, people_before=0, people_after=sum(counts.values())
        )
        HeadcountChange.objects.filter(pk=change.pk).update(at=recorded_at)


def resident_counts(rng: random.Random, centres: list[Organisation | None]) -> dict[tuple, int]:
    """5 to 25 residents, spread over the centres (most from the first, where the workshop is) and genders."""
    total = rng.randint(5, 25)
    counts: dict[tuple, int] = {}
    for _person in range(total):
        centre = centres[0] if len(centres) == 1 or rng.random() < 0.7 else rng.choice(centres[1:])
        gender = rng.choices([gender for gender, _w in GENDER_WEIGHTS], [w for _g, w in GENDER_WEIGHTS])[0]
        counts[(centre, gender)] = counts.get((centre, gender), 0) + 1
    return counts
