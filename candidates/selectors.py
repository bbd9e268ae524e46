"""Reads on candidates: likely duplicates, and the candidate list with each one's progress."""

from dataclasses import dataclass, field

from django.db.models import OuterRef, Q, QuerySet, Subquery
from django.db.models.lookups import Exact
from django.utils.translation import gettext_lazy as _

from jobroad.models import Channel
from jobroad.outbox import Recipient

from . import permissions
from .models import (
    Candidate,
    Consent,
    ConsentAction,
    ConsentPurpose,
    name_key,
    reference_key,
)


@dataclass
class LikelyDuplicate:
    """A registered candidate that looks like the one being entered, and why."""

    candidate: Candidate
    reasons: list[str] = field(default_factory=list)


def likely_duplicates(
    *,
    first_name: str,
    last_name: str,
    birth_year: int | None = None,
    nationality: str = "",
    reference_number: str = "",
    exclude: Candidate | None = None,
) -> list[LikelyDuplicate]:
    """Candidates already registered — by any organisation — that are probably the same person: the same
    first and last name (case, accents and order of the name parts aside) with the same birth year and
    nationality, or the same reference number. Reads only; the caller decides what the user may be told
    (see ``duplicate_notices``). Usable per row by an import."""
    match = Q(pk__in=[])
    if birth_year and nationality:
        match |= Q(name_key=name_key(first_name, last_name), birth_year=birth_year, nationality=nationality)
    reference = reference_key(reference_number or "")
    if reference:
        match |= Q(reference_key=reference)
    candidates = Candidate.objects.filter(match).select_related("registered_by").order_by("pk")
    if exclude is not None and exclude.pk:
        candidates = candidates.exclude(pk=exclude.pk)
    found = []
    for candidate in candidates:
        reasons = []
        if candidate.reference_key and candidate.reference_key == reference:
            reasons.append(_("same reference number"))
        if candidate.name_key == name_key(first_name, last_name) and (candidate.birth_year, candidate.nationality) == (
            birth_year,
            nationality,
        ):
            reasons.append(_("same name, birth year and nationality"))
        found.append(LikelyDuplicate(candidate, reasons))
    return found


@dataclass(frozen=True)
class DuplicateNotice:
    """What a user is told about one likely duplicate: the candidate itself only if they may see it."""

    reasons: list[str]
    candidate: Candidate | None = None


def duplicate_notices(user, duplicates: list[LikelyDuplicate]) -> list[DuplicateNotice]:
    """Likely duplicates as ``user`` may learn about them: a candidate they cannot see (another
    organisation's) stays anonymous, so the warning never reveals someone else's candidate."""
    visible = set(
        permissions.visible_candidates(user)
        .filter(pk__in=[duplicate.candidate.pk for duplicate in duplicates])
        .values_list("pk", flat=True)
    )
    return [
        DuplicateNotice(
            reasons=duplicate.reasons,
            candidate=duplicate.candidate if duplicate.candidate.pk in visible else None,
        )
        for duplicate in duplicates
    ]


def latest_consent_action(purpose: str, candidate: str = "pk") -> Subquery:
    """The latest consent action for ``purpose`` of the candidate the outer query's ``candidate`` field names."""
    return Subquery(
        Consent.objects.filter(candidate=OuterRef(candidate), purpose=purpose)
        .order_by("-recorded_at", "-id")
        .values("action")[:1]
    )


def with_consent_state(candidates: QuerySet[Candidate]) -> QuerySet[Candidate]:
    """Annotate ``share_profile_consent`` and ``contact_consent`` (the latest action of each), which
    ``Candidate.consent_action`` reads instead of querying per row."""
    return candidates.annotate(
        **{f"{purpose}_consent": latest_consent_action(purpose) for purpose in ConsentPurpose.values}
    )


def sharing_with_companies(candidates: QuerySet[Candidate]) -> QuerySet[Candidate]:
    """Only the candidates whose latest consent to share their profile is "given" — what matching and every
    page shown to company HR must start from."""
    return candidates.filter(shares_with_companies())


def shares_with_companies(candidate: str = "pk") -> Exact:
    """The condition that the latest consent to share the profile of the candidate the outer query's
    ``candidate`` field names is "given". Filtering rows on it directly, rather than ``candidate__in=`` the
    sharing candidates, asks for the consent of only the rows at hand."""
    return Exact(latest_consent_action(ConsentPurpose.SHARE_PROFILE, candidate), ConsentAction.GIVEN)


def candidate_recipient(candidate: Candidate) -> Recipient | None:
    """A candidate is reached only with consent to be contacted, by e-mail if given, else by SMS; a message with no
    text in their document language is written in the language they speak best of the others."""
    if not candidate.may_be_contacted:
        return None
    name, language = candidate.first_name, candidate.preferred_language or "nl"
    spoken = sorted(candidate.languages.all(), key=lambda row: row.level, reverse=True)
    also_reads = tuple(row.language for row in spoken if row.language != language)  # best spoken first
    if candidate.email:
        return Recipient(address=candidate.email, name=name, language=language, also_reads=also_reads)
    return Recipient(address=candidate.phone, name=name, language=language, channel=Channel.SMS, also_reads=also_reads)


def candidates_found(user, *, query: str = "") -> QuerySet[Candidate]:
    """The candidates ``user`` may see whose name or reference holds every word of ``query`` (the first four),
    with their consent state."""
    candidates = permissions.visible_candidates(user).select_related("registered_by")
    for word in query.split()[:4]:
        candidates = candidates.filter(
            Q(first_name__icontains=word) | Q(last_name__icontains=word) | Q(reference_number__icontains=word)
        )
    return with_consent_state(candidates)
