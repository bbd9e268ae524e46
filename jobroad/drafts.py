"""Drafts of long forms, saved as a person goes: each section's "Save and continue" keeps what is typed so far,
without checking it, so a registration interrupted by a phone call or a lost connection is not typed again.

Only the draft's owner opens it (every function takes the user); it is kept ``KEPT_DAYS`` after its last save, then
the periodic sweep deletes it; the form that sends it deletes it. What is kept is the posted fields: never the CSRF
token, and never what the form leaves out (its buttons, a confirmation that is given again on the final page)."""

import json
from datetime import timedelta

from django.http import QueryDict
from django.utils import timezone

from .models import FormDraft

KEPT_DAYS = 7
MAX_CHARS = 50_000  # a registration is about 3,000; more is not a draft


def _key(key) -> str:
    return str(key)


def save_draft(user, form: str, key, data: QueryDict, *, leave_out: tuple[str, ...] = ()) -> FormDraft | None:
    """Keep the posted fields but the token and ``leave_out`` (the buttons, confirmations); None when there is too
    much."""
    kept = {name: data.getlist(name) for name in data if name != "csrfmiddlewaretoken" and name not in leave_out}
    text = json.dumps(kept)
    if len(text) > MAX_CHARS:
        return None
    draft, _created = FormDraft.objects.update_or_create(user=user, form=form, key=_key(key), defaults={"data": text})
    return draft


def open_draft(user, form: str, key) -> FormDraft | None:
    """The user's own draft of this form, unless it is past its days."""
    cutoff = timezone.now() - timedelta(days=KEPT_DAYS)
    return FormDraft.objects.filter(user=user, form=form, key=_key(key), saved_at__gt=cutoff).first()


def drafted_keys(user, form: str) -> set[str]:
    """The keys of the user's own drafts of this form, e.g. the campaigns with a registration to finish."""
    cutoff = timezone.now() - timedelta(days=KEPT_DAYS)
    return set(FormDraft.objects.filter(user=user, form=form, saved_at__gt=cutoff).values_list("key", flat=True))


def discard_draft(user, form: str, key) -> None:
    FormDraft.objects.filter(user=user, form=form, key=_key(key)).delete()


def draft_data(draft: FormDraft) -> QueryDict:
    data = QueryDict(mutable=True)
    try:
        fields = json.loads(draft.data)
    except ValueError:  # written by this module only; a broken one is as good as none
        fields = {}
    for name, values in fields.items() if isinstance(fields, dict) else ():
        if isinstance(values, list):
            data.setlist(str(name), [str(value) for value in values])
    return data


def fill_form(form, data: QueryDict) -> None:
    """Show a draft's values in an unbound form, as its initial values: a draft is unfinished, so it is not checked
    (a bound form would greet the person with "required" under every field still to come)."""
    for name, field in form.fields.items():
        prefixed = form.add_prefix(name)
        if not field.widget.value_omitted_from_data(data, {}, prefixed):
            form.initial[name] = field.widget.value_from_datadict(data, {}, prefixed)


def formset_rows(data: QueryDict, prefix: str, names: tuple[str, ...]) -> list[dict]:
    """A draft's rows of a formset as initial values: the rows with something filled in and not marked removed."""
    try:
        total = min(int(data.get(f"{prefix}-TOTAL_FORMS", 0)), 100)
    except ValueError:
        total = 0
    rows = []
    for index in range(total):
        if data.get(f"{prefix}-{index}-DELETE"):
            continue
        row = {name: data.get(f"{prefix}-{index}-{name}", "") for name in names}
        if any(row.values()):
            rows.append(row)
    return rows


def delete_expired_drafts() -> int:
    """The periodic sweep's share: drafts nobody saved for ``KEPT_DAYS`` (they may hold personal data)."""
    cutoff = timezone.now() - timedelta(days=KEPT_DAYS)
    deleted, _ = FormDraft.objects.filter(saved_at__lte=cutoff).delete()
    return deleted
