"""HR on a phone: the proposals page answers first, why each candidate was proposed, and a question as a short
thread with the campaign's coordinators (issue 25, item 3)."""

import pytest
from django.urls import reverse
from django.utils import translation

from campaigns.matching.selectors import reasons_for_hr
from campaigns.models import CampaignPhase, HrAnswer, Proposal, ProposalQuestion
from jobroad import channels, privacy
from jobroad.models import Message
from tests.factories import CandidateFactory, VacancyFactory, matchable, set_phase
from tests.language import ENGLISH

from .actions import confirm, run


@pytest.fixture
def proposed(world, client_for):
    """Campaign A's two candidates proposed to company A, confirmed: HR A has two proposals to answer."""
    set_phase(world.campaign_a, CampaignPhase.MATCHING)
    VacancyFactory(company=world.company_a, title="Magazijnier")
    matchable(world, world.candidate_a)
    matchable(world, CandidateFactory(first_name="Sara", registered_by=world.intermediary_org_a))
    run(client_for(world.alice), world)
    confirm(client_for(world.alice), world)
    return list(Proposal.objects.filter(enrolment__campaign=world.campaign_a).order_by("id"))


def answer(client, proposal, value, comment=""):
    url = reverse("proposal_answer", kwargs={"pk": proposal.pk})
    return client.post(url, {f"p{proposal.pk}-answer": value, f"p{proposal.pk}-comment": comment})


def test_proposals_to_answer_come_first_and_answered_ones_are_folded(client_for, world, proposed):
    first, second = proposed
    hr = client_for(world.hr_a)
    answer(hr, first, HrAnswer.INTERESTED)

    page = hr.get(reverse("proposal_list"))

    assert [item.pk for _group, items in page.context["to_answer"] for item, _form in items] == [second.pk]
    assert [item.pk for _group, items in page.context["answered"] for item, _form in items] == [first.pk]
    body = page.content.decode()
    assert 'data-to-answer="1"' in body
    assert body.index(f'id="proposal-{second.pk}"') < body.index('<details class="mt-4" data-answered="1">')
    assert body.index('data-answered="1"') < body.index(f'id="proposal-{first.pk}"')
    assert 'data-proposals-to-answer="1"' in hr.get(reverse("home")).content.decode()


def test_the_blind_profile_says_why_the_candidate_was_proposed_without_screening_or_commute():
    reasons = [
        {"code": "rubric", "points": 15, "positive": True, "params": {"score": "5.0"}},
        {"code": "occupation_match", "points": 25, "positive": True, "params": {"isco": "9112"}},
        {"code": "commute", "points": 9, "positive": True, "params": {"minutes": 12, "limit": 75}},
        {"code": "language_missing", "points": 0, "positive": False, "params": {"language": "nl"}},
        {"code": "shift_fit", "points": 5, "positive": True, "params": {"matched": 2, "total": 2}},
        {"code": "wish_sector", "points": 10, "positive": True, "params": {"sector": "logistics"}},
    ]

    with translation.override("en"):
        shown = reasons_for_hr(reasons)

    assert shown == [
        "has done or wants to do this kind of work",
        "would like to work in Transport and logistics",
        "can work every shift of the job",
    ]


def test_the_proposals_page_shows_the_reasons_in_words(client_for, world, proposed):
    Proposal.objects.filter(pk=proposed[0].pk).update(reasons=[
        {"code": "occupation_match", "points": 25, "positive": True, "params": {"isco": "9112"}},
        {"code": "language_at", "points": 12, "positive": True,
         "params": {"language": "nl", "level": "B1", "required": "B1"}},
        {"code": "rubric", "points": 15, "positive": True, "params": {"score": "5.0"}},
    ])  # fmt: skip

    page = client_for(world.hr_a).get(reverse("proposal_list"), headers=ENGLISH)

    item = page.context["proposals"][0][0]
    assert item.reasons == ["has done or wants to do this kind of work", "Dutch B1, the required level"]
    assert all(reason in page.content.decode() for reason in item.reasons)
    assert "screening" not in page.content.decode()


def test_a_question_reaches_the_coordinators_who_answer_and_hr_reads_the_answer(client_for, world, proposed):
    proposal = proposed[0]
    hr = client_for(world.hr_a)

    answer(hr, proposal, HrAnswer.QUESTION, "Kan ze om 6 uur beginnen?")

    question = ProposalQuestion.objects.get()
    assert (question.proposal, question.asked_by, question.question) == (
        proposal,
        world.hr_a,
        "Kan ze om 6 uur beginnen?",
    )
    told = Message.objects.filter(template="proposal_question")
    assert list(told.values_list("recipient_user", flat=True)) == list(
        world.campaign_a.coordinators.values_list("pk", flat=True)
    )
    home = client_for(world.alice).get(reverse("home"))
    assert f'href="{reverse("proposal_question", kwargs={"pk": question.pk})}"' in home.content.decode()
    assert client_for(world.alice).get(told.first().context["link"]).status_code == 200  # the mail's link works
    assert next(item.waits_for_jobroad for item, _form in hr.get(reverse("proposal_list")).context["proposals"])

    url = reverse("proposal_question", kwargs={"pk": question.pk})
    response = client_for(world.alice).post(url, {"answer": "Ja, de bus vertrekt om 5u30."})

    assert response.status_code == 302
    question.refresh_from_db()
    assert (question.answer, question.answered_by) == ("Ja, de bus vertrekt om 5u30.", world.alice)
    (answered,) = Message.objects.filter(template="proposal_question_answered", recipient_user=world.hr_a)
    assert hr.get(answered.context["link"]).status_code == 200
    page = hr.get(reverse("proposal_list"))
    assert "Ja, de bus vertrekt om 5u30." in page.content.decode()
    assert next(item.pk for item, _form in page.context["proposals"]) == proposal.pk  # still to decide
    home = client_for(world.alice).get(reverse("home"))
    assert 'data-todo="hr-question"' not in home.content.decode()


def test_a_question_is_answered_once(client_for, world, proposed):
    answer(client_for(world.hr_a), proposed[0], HrAnswer.QUESTION, "Rijbewijs?")
    question = ProposalQuestion.objects.get()
    url = reverse("proposal_question", kwargs={"pk": question.pk})
    client_for(world.alice).post(url, {"answer": "Ja."})

    client_for(world.alice).post(url, {"answer": "Nee."})

    question.refresh_from_db()
    assert question.answer == "Ja."


def test_another_campaigns_coordinator_and_hr_cannot_read_or_answer_a_question(client_for, world, proposed):
    answer(client_for(world.hr_a), proposed[0], HrAnswer.QUESTION, "Rijbewijs?")
    url = reverse("proposal_question", kwargs={"pk": ProposalQuestion.objects.get().pk})

    statuses = [client_for(getattr(world, role)).post(url, {"answer": "x"}).status_code for role in ("bob", "hr_a")]

    assert statuses == [404, 404]
    assert ProposalQuestion.objects.get().answer == ""


def test_hr_has_proposals_and_project_week_in_its_menu_and_its_vacancies_are_links(client_for, world):
    page = client_for(world.hr_a).get(reverse("home")).content.decode()

    assert 'data-nav="proposals"' in page and 'data-nav="project-week"' in page
    assert f'data-vacancy-link="{world.vacancy_a.pk}"' in page
    assert 'data-nav="proposals"' not in client_for(world.alice).get(reverse("home")).content.decode()


def test_erasing_the_candidate_erases_the_questions_text(client_for, world, proposed):
    answer(client_for(world.hr_a), proposed[0], HrAnswer.QUESTION, "Heeft Amal een rijbewijs?")
    candidate = proposed[0].enrolment.candidate

    privacy.erase_candidate(candidate=candidate, actor=world.alice)

    assert list(ProposalQuestion.objects.values_list("question", "answer")) == [("", "")]


@pytest.mark.parametrize("language", ["nl", "fr", "en"])
@pytest.mark.parametrize("template", ["proposal_question", "proposal_question_answered"])
def test_the_question_mails_render_in_every_language_without_the_candidate(template, language):
    context = {"campaign": "Campagne A", "company": "Hotel <b>Zee</b>", "vacancy": "Kok", "link": "/proposals/"}
    message = Message(key="k", template=template, language=language, recipient_name="Sara", context=context)

    rendered = channels.render(message)

    assert rendered.subject and "\n" not in rendered.subject
    assert "/proposals/" in rendered.text and "Kok" in rendered.text
    assert "<b>Zee" not in rendered.html
