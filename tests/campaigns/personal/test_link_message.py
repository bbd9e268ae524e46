"""The candidate's link to their personal page goes out by SMS when their interview is first published: once per
campaign, in their language, and made as it leaves, so the outbox, its preview and the captured mail never hold
it."""

from datetime import time

import pytest

from campaigns.personal.links import personal_path
from campaigns.projectweek import services as projectweek_services
from candidates.models import CandidateLanguage, ConsentPurpose
from candidates.services import record_consent
from jobroad import channels
from jobroad.models import Channel, Message


@pytest.fixture
def amal(world, week):
    """Amal reads Arabic, speaks Dutch at A2 and gets SMS; her interview is planned, not yet published."""
    candidate = world.candidate_a
    candidate.preferred_language, candidate.phone = "ar", "+32470123456"
    candidate.save(update_fields=["preferred_language", "phone"])
    record_consent(candidate=candidate, purpose=ConsentPurpose.CONTACT, actor=world.alice, language="ar")
    CandidateLanguage.objects.update_or_create(candidate=candidate, language="nl", defaults={"level": "A2"})
    participation, _proposals = week
    participation.interviews_until = time(12, 30)
    participation.save()
    projectweek_services.generate_schedule(campaign=world.campaign_a, actor=world.alice)
    return candidate


def test_publishing_sends_the_link_once_in_the_candidates_language_made_as_it_leaves(world, amal, settings):
    projectweek_services.publish_schedule(campaign=world.campaign_a, actor=world.alice)
    projectweek_services.publish_schedule(campaign=world.campaign_a, actor=world.alice)  # published again

    message = Message.objects.get(template="personal_page")
    enrolment = world.campaign_a.enrolments.get(candidate=amal)
    link = settings.SITE_URL + personal_path(enrolment)
    preview, sent = channels.render(message), channels.render(message, make_link=True)

    assert (message.channel, message.language, message.recipient_address) == (Channel.SMS, "ar", amal.phone)
    assert link not in preview.text and link not in str(message.context)
    assert sent.text.startswith("\u200fمواعيدي مع JobRoad") and sent.text.endswith(link)
