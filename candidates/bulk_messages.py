"""Sending one message to a selection of candidates (the candidate list's bulk action; the placement list reuses it).

Nobody gets a message they cannot read, and nothing leaves without asking first. A candidate is reached as every
candidate message reaches them (``selectors.candidate_recipient``: only with consent to be contacted, by e-mail if
they gave one, else by SMS). A ready-made text (``jobroad.phrasebook_notes``) goes in the first language the candidate
reads; a coordinator's own text goes only to those who read the language the coordinator says it is written in. The
plan says, per candidate, the channel, the address and the language, or why they get nothing; only a confirmed post
writes, one outbox message per candidate, all of them or none, and the same confirmation posted twice writes them once.
"""

import uuid
from dataclasses import dataclass, field

from django import forms
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from companies.models import CefrLevel
from jobroad import phrasebook_notes
from jobroad.languages import document_language_choices, language_name
from jobroad.models import Channel, Message, User
from jobroad.outbox import Recipient, dispatch_soon, schedule_message

from .models import Candidate, ConsentAction, ConsentPurpose
from .selectors import candidate_recipient, with_consent_state

OWN_TEXT = "own"
# A language spoken below this level is not one a person reads a message in (A1: familiar words only).
READING_LEVELS = frozenset(CefrLevel.values) - {CefrLevel.A1}


class CandidateMessageForm(forms.Form):
    text_choice = forms.ChoiceField(label=gettext_lazy("What to send"), widget=forms.RadioSelect)
    language = forms.ChoiceField(
        label=gettext_lazy("Your text is written in"),
        required=False,
        help_text=gettext_lazy("Only the candidates who read this language get it."),
    )
    subject = forms.CharField(label=gettext_lazy("Subject (for e-mails)"), max_length=120, required=False)
    text = forms.CharField(
        label=gettext_lazy("Your text"), widget=forms.Textarea(attrs={"rows": 4}), max_length=1000, required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        fields = self.fields
        own = (OWN_TEXT, _("My own text, in one language (below)"))
        fields["text_choice"].choices = [*phrasebook_notes.ready_text_choices(), own]
        fields["text_choice"].initial = fields["text_choice"].choices[0][0]  # a ready-made text first
        fields["text_choice"].widget.attrs["class"] = "form-check-input"
        fields["language"].choices = [("", "—"), *document_language_choices()]
        for name in ("language", "subject", "text"):
            css = "form-select" if name == "language" else "form-control"
            fields[name].widget.attrs["class"] = css

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("text_choice") == OWN_TEXT:
            for name in ("language", "subject", "text"):
                if not cleaned.get(name, "").strip():
                    self.add_error(name, _("Fill this in for your own text."))
        return cleaned

    @property
    def is_own_text(self) -> bool:
        return self.cleaned_data["text_choice"] == OWN_TEXT


@dataclass
class Delivery:
    candidate: Candidate
    channel: str
    address: str
    language: str
    subject: str
    text: str

    @property
    def language_name(self) -> str:
        return language_name(self.language)


@dataclass
class MessagePlan:
    to_send: list[Delivery] = field(default_factory=list)
    refused: list[tuple[Candidate, str]] = field(default_factory=list)

    @property
    def languages(self) -> list[str]:
        """The languages the message goes out in, each once, in the order of the list."""
        return list(dict.fromkeys(delivery.language_name for delivery in self.to_send))


def languages_read(candidate: Candidate) -> list[str]:
    """The languages a candidate reads a message in, best first: their language for documents and messages, then the
    languages they speak at A2 or above, the best spoken first (as ``candidate_recipient`` orders them)."""
    spoken = sorted(candidate.languages.all(), key=lambda row: row.level, reverse=True)
    readable = [row.language for row in spoken if row.level in READING_LEVELS]
    return list(dict.fromkeys([candidate.preferred_language or "nl", *readable]))


def unreachable_reason(candidate: Candidate) -> str:
    if candidate.consent_action(ConsentPurpose.CONTACT) != ConsentAction.GIVEN:
        return _("has not agreed to get messages")
    return _("has no mobile phone number or e-mail address")


def message_plan(*, candidates: list[Candidate], form: CandidateMessageForm) -> MessagePlan:
    """Who gets the message, by which channel, at which address and in which language; who does not, and why."""
    plan = MessagePlan()
    for candidate in with_contact_details(candidates):
        recipient = candidate_recipient(candidate) if not candidate.erased_at else None
        if recipient is None:
            plan.refused.append((candidate, _("erased") if candidate.erased_at else unreachable_reason(candidate)))
            continue
        reads, sms = languages_read(candidate), recipient.channel == Channel.SMS
        if form.is_own_text:
            language = form.cleaned_data["language"]
            if language not in reads:
                plan.refused.append((candidate, does_not_read(language, reads)))
                continue
            subject, text = form.cleaned_data["subject"].strip(), form.cleaned_data["text"]
        else:
            key = form.cleaned_data["text_choice"]
            language = phrasebook_notes.ready_text_in(key, reads)
            if not language:
                plan.refused.append((candidate, _("the text is in none of the languages they read")))
                continue
            subject, text = phrasebook_notes.READY_TEXTS[key][language]
        _subject, whole = phrasebook_notes.compose_note(
            language, name=recipient.name, subject=subject, text=text, sms=sms
        )
        plan.to_send.append(Delivery(candidate, recipient.channel, recipient.address, language, subject, whole))
    return plan


def with_contact_details(candidates: list[Candidate]) -> list[Candidate]:
    """The same candidates, in the same order, with their consent state and languages read in a few queries."""
    ids = [candidate.pk for candidate in candidates]
    loaded = with_consent_state(Candidate.objects.filter(pk__in=ids)).prefetch_related("languages").in_bulk()
    return [loaded[pk] for pk in ids]


def does_not_read(language: str, reads: list[str]) -> str:
    return _("does not read %(language)s (reads %(languages)s)") % {
        "language": language_name(language),
        "languages": ", ".join(language_name(code) for code in reads),
    }


def message_key(batch: uuid.UUID, candidate: Candidate) -> str:
    return f"candidate-message:{batch}:{candidate.pk}"


def send_candidate_messages(*, plan: MessagePlan, batch: uuid.UUID, actor: User) -> int:
    """Put one message per delivery of ``plan`` in the outbox, due now; how many were written. All or none (one
    transaction). The keys hold ``batch`` (made when the plan was shown): a confirmation posted twice finds its
    messages written and writes nothing again, nor changes them."""
    keys = {delivery.candidate.pk: message_key(batch, delivery.candidate) for delivery in plan.to_send}
    with transaction.atomic():
        written = set(Message.objects.filter(key__in=keys.values()).values_list("key", flat=True))
        for delivery in plan.to_send:
            if keys[delivery.candidate.pk] in written:
                continue
            schedule_message(
                key=keys[delivery.candidate.pk],
                template=phrasebook_notes.TEMPLATE,
                recipient=Recipient(
                    address=delivery.address,
                    name=delivery.candidate.first_name,
                    language=delivery.language,
                    channel=delivery.channel,
                ),
                due_at=timezone.now(),
                context={"subject": delivery.subject, "text": delivery.text},
                event=f"candidate-message:{batch}",
                created_by=actor,
            )
        count = len(plan.to_send) - len(written)
        if count:
            dispatch_soon()
    return count
