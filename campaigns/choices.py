"""The campaign models' choices: a drop-out's reason, pair rules, HR's answer, the schedule's status, and an
interview's evaluation (why none is needed, attendance, outcome and the start route)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class EvaluationWaiver(models.TextChoices):
    """Why an interview on the published schedule needs no evaluation: it never took place."""

    COMPANY_CANCELLED = "company_cancelled", _("The company cancelled the interview")
    CANDIDATE_WITHDREW = "candidate_withdrew", _("The candidate withdrew before the day")
    NOT_HELD = "not_held", _("The interview did not take place for another reason")
    # Set by offering the slot to a reserve (campaigns.projectweek.transport.reserves): a decision a person made,
    # so generating the schedule again does not plan the interview anew.
    NO_SHOW = "no_show", _("The candidate did not come; a reserve took the slot")

    @classmethod
    def by_hand(cls) -> list[tuple[str, str]]:
        """What a coordinator chooses from; "no show" only comes with the slot given to a reserve."""
        return [(value, label) for value, label in cls.choices if value != cls.NO_SHOW]


class Attendance(models.TextChoices):
    ATTENDED = "attended", _("Attended")
    NO_SHOW = "no_show", _("Did not come")


class Outcome(models.TextChoices):
    OFFER = "offer", _("Offer")
    MAYBE = "maybe", _("Maybe")
    NO = "no", _("No")


class StartRoute(models.TextChoices):
    TEMP_WORK = "temp_work", _("Temp work")
    WORKPLACE_LEARNING = "workplace_learning", _("Workplace learning (IBO)")
    ARTICLE_60 = "article_60", _("Article 60")
    TRAINING = "training", _("Training or internship")
    DIRECT_CONTRACT = "direct_contract", _("Direct contract")


class CandidateAnswer(models.TextChoices):
    """What a candidate answered on their personal page about one appointment."""

    COMING = "coming", _("Will come")
    NOT_COMING = "not_coming", _("Cannot come")


class AbsenceReason(models.TextChoices):
    """Why a candidate cannot come: a short list a candidate picks from in their own language."""

    ILL = "ill", _("Ill")
    TRANSPORT = "transport", _("No transport")
    APPOINTMENT = "appointment", _("Another appointment (asylum procedure, doctor, school)")
    CHILDCARE = "childcare", _("Nobody to look after the children")
    WORK = "work", _("Found work")
    OTHER = "other", _("Another reason")


class DropOutReason(models.TextChoices):
    MOVED = "moved", _("Moved away")
    UNREACHABLE = "unreachable", _("No longer reachable")
    NOT_INTERESTED = "not_interested", _("No longer interested")
    HEALTH_OR_FAMILY = "health_or_family", _("Health or family reasons")
    RIGHT_TO_WORK = "right_to_work", _("Lost the right to work or left Belgium")
    OTHER = "other", _("Other reason")


class PairRuleKind(models.TextChoices):
    PIN = "pin", _("Pinned")
    FORBID = "forbid", _("Forbidden")


class HrAnswer(models.TextChoices):
    INTERESTED = "interested", _("Interested")
    NOT_INTERESTED = "not_interested", _("Not interested")
    QUESTION = "question", _("A question first")


class ScheduleStatus(models.TextChoices):
    """How the last generated schedule stands: the engine's verdict, or changed by hand since."""

    OPTIMAL = "optimal", _("Proven best")
    FEASIBLE = "feasible", _("Best found in time")
    INFEASIBLE = "infeasible", _("Not everything fits")
    EDITED = "edited", _("Changed by hand")
