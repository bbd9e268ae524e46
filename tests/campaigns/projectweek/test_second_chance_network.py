"""The second-chance list reads the employer network: ambassador companies that take second-chance candidates come
first, with a label; those that said no are never proposed; the others follow, marked "ask the company first"."""

from datetime import datetime, time

import pytest
from django.urls import reverse
from django.utils import timezone

from campaigns.matching import second_chance
from campaigns.models import Outcome
from campaigns.projectweek import evaluations
from companies.models import AmbassadorProfile, SecondChanceWillingness
from tests.factories import DAY, CompanyFactory, VacancyFactory
from tests.language import ENGLISH


@pytest.fixture
def not_retained(world, published, time_machine):
    """Every published interview ended in a "no": all those candidates wait for a second chance."""
    time_machine.move_to(datetime.combine(DAY, time(17), tzinfo=timezone.get_current_timezone()), tick=False)
    for interview in published:
        evaluations.evaluate_interview(interview=interview, attendance="attended", outcome=Outcome.NO, actor=world.hr_a)
    return published


def ambassador_vacancy(world, name: str, willingness: str | None):
    company = CompanyFactory(organisation__name=name, is_ambassador=True, stage="ambassador")
    if willingness is not None:
        AmbassadorProfile.objects.create(company=company, second_chance=willingness)
    return VacancyFactory(company=company, title="Magazijnier", occupation=world.vacancy_a.occupation)


def test_ambassadors_that_take_second_chance_candidates_come_first_and_those_that_refuse_never(
    client_for, world, not_retained
):
    unknown = ambassador_vacancy(world, "Aarde NV", None)  # no profile yet: as "ask first"
    asks = ambassador_vacancy(world, "Brug BV", SecondChanceWillingness.ASK)
    refuses = ambassador_vacancy(world, "Corso NV", SecondChanceWillingness.NO)
    takes = ambassador_vacancy(world, "Dijk BV", SecondChanceWillingness.YES)

    rows = second_chance.rows(world.campaign_a)
    page = client_for(world.alice).get(reverse("second_chance", args=[world.campaign_a.pk]), headers=ENGLISH)

    assert rows
    for row in rows:
        assert [option.vacancy for option in row.options] == [takes, unknown, asks]  # then by fit (equal), by id
        assert [option.takes_second_chance for option in row.options] == [True, False, False]
    assert second_chance.option(rows[0].enrolment, refuses) is None
    html = page.content.decode()
    assert html.count("data-takes-second-chance") == len(rows)
    assert html.count("data-ask-first") == 2 * len(rows)
    assert "Corso NV" not in html
