"""The national-scale data set, made small: every kind of row in proportion, a schedule without double bookings
(the database constraints hold), and it refuses to run twice."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from aftercare.models import CheckIn, Placement
from campaigns.models import Campaign, Enrolment, Interview
from candidates.models import Candidate
from companies.models import Company, Vacancy
from jobroad.models import Message


def test_a_hundredth_of_the_scale_data_has_every_kind_of_row(db):
    call_command("seed_scale", factor=0.01, stdout=StringIO())

    assert (Candidate.objects.count(), Company.objects.count(), Vacancy.objects.count(), Campaign.objects.count()) == (
        500, 30, 80, 2,
    )  # fmt: skip
    assert Enrolment.objects.count() == 500
    assert Interview.objects.filter(published_day__isnull=False).count() == 2 * 45
    assert Placement.objects.count() == 2 * 15 and CheckIn.objects.count() == 2 * 15 * 6
    assert Message.objects.count() == 2 * 45


def test_it_refuses_to_run_twice(db):
    call_command("seed_scale", factor=0.002, stdout=StringIO())

    with pytest.raises(CommandError):
        call_command("seed_scale", factor=0.002, stdout=StringIO())
