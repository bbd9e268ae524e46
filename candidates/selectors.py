"""Reads on candidates: likely duplicates, and the candidate list with each one's progress."""

from dataclasses import dataclass, field

from django.db.models import OuterRef, Q, QuerySet, Subquery
from django.db.models.lookups import Exact
from django.utils.translation import gettext_lazy as _

from jobroad.models import Channel
from jobroad.outbox import Recipient

from . import names, permissions
from .models import (
    Candidate,
    Consent,
    ConsentAction,
    ConsentPurpose,
    DifferentPeople,
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


@dataclass(frozen=True)
class PossibleVariant:
    """A candidate whose name may be the same in another spelling (Mohammed, Muhammad, محمد), with the same
    birth year or one not known: a flag for a person to look at, never a refusal."""

    candidate: Candidate
    score: float
    same_year: bool | None


# Enough for any real block (one birth year, names sharing their first letters); a bound on the work, not a filter.
MAX_COMPARED = 2000


def possible_variants(
    user,
    *,
    first_name: str,
    last_name: str,
    birth_year: int | None = None,
    exclude: Candidate | None = None,
    limit: int = 5,
) -> list[PossibleVariant]:
    """The candidates ``user`` may see (and only those: the search never looks beyond ``visible_candidates``, so
    it cannot tell anyone about another organisation's candidate) whose name may be this one in another spelling
    or script, most alike first. The database narrows the search to one block — candidates whose name parts start
    with the same letters as this name's (one set holds the other; ``Candidate.name_initials``) and whose birth
    year is the same or unknown — and ``candidates.names`` compares the names of that block only. Reads only."""
    forms = names.name_forms(first_name, last_name)
    if not forms.initials:
        return []
    # Theirs within ours, or ours within theirs (initials are letters a-z, sorted, each once).
    block = Q(name_initials__regex=f"^[{forms.initials}]+$") | Q(
        *[Q(name_initials__contains=letter) for letter in forms.initials]
    )
    candidates = permissions.visible_candidates(user).filter(block, erased_at__isnull=True)
    if birth_year:
        candidates = candidates.filter(Q(birth_year=birth_year) | Q(birth_year__isnull=True))
    if exclude is not None and exclude.pk:
        # Itself, and those a person already found to be someone else (DifferentPeople), in the same query.
        checked = DifferentPeople.objects.filter(Q(first=exclude.pk) | Q(second=exclude.pk))
        candidates = candidates.exclude(pk=exclude.pk).exclude(
            Q(pk__in=checked.values("first")) | Q(pk__in=checked.values("second"))
        )
    rows = candidates.select_related("registered_by").order_by("-pk")[:MAX_COMPARED]
    found = []
    for candidate in rows:
        same_year = None if not (birth_year and candidate.birth_year) else birth_year == candidate.birth_year
        other = names.name_forms(candidate.first_name, candidate.last_name)
        if names.is_variant(forms, other, same_year=same_year):
            found.append(PossibleVariant(candidate, names.similarity(forms, other), same_year))
    found.sort(key=lambda variant: (-variant.score, variant.candidate.pk))
    return found[:limit]


def variants_of(user, candidate: Candidate) -> list[PossibleVariant]:
    """``possible_variants`` of a registered candidate, as its page shows them to ``user``."""
    if candidate.erased_at:
        return []
    return possible_variants(
        user,
        first_name=candidate.first_name,
        last_name=candidate.last_name,
        birth_year=candidate.birth_year,
        exclude=candidate,
    )


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
