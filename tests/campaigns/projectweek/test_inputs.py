"""The scheduling engine's input, loaded from the database: what a participation tells the engine."""

from datetime import time

from campaigns.models import Interview
from campaigns.projectweek import services as projectweek_services
from campaigns.projectweek import text as scheduling_text
from campaigns.projectweek.inputs import project_week, schedule_input
from tests.factories import DAY


def test_a_participations_candidates_per_guided_visit_is_the_engines_group_size(world, week):
    participation, _proposals = week
    participation.visit_capacity = 2
    participation.save()

    problem = schedule_input(world.campaign_a).problem

    assert [(cd.company_id, cd.visit_capacity) for cd in problem.company_days] == [(world.company_a.pk, 2)]


def test_a_generated_schedule_keeps_to_the_group_size_and_says_why_in_words(world, week, english):
    participation, _proposals = week
    participation.interviews_until, participation.visit_capacity = time(12, 30), 2  # three slots, a visit for two
    participation.save()

    projectweek_services.generate_schedule(campaign=world.campaign_a, actor=world.alice)

    assert Interview.objects.filter(participation=participation, day__isnull=False).count() == 2
    [dropped] = project_week(world.campaign_a).dropped
    reasons = [scheduling_text.explain(scheduling_text.from_data(b)) for b in dropped["blockers"]]
    assert reasons == [f"on {DAY:%A} {DAY.day} {DAY:%B} the guided visit is full (2 candidates)"]
