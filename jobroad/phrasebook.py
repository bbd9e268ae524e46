"""Messages to candidates in their own language, for the document languages the interface has no catalogue for.

Dutch, French and English messages come from the templates under ``templates/messages`` and the gettext
catalogues. Rendered in Arabic or Tigrinya, those templates would give a Dutch sentence with one translated weekday,
so the candidate's messages in the other document languages are composed instead, whole, from the phrase tables in
``phrasebook_texts`` (one per language, like the printed schedule's ``campaigns.projectweek.phrases``):

* dates and weekdays in the language, from CLDR (Babel); times as 24-hour digits;
* names of companies, places and workshops as they were typed, each isolated (FSI … PDI) so that it cannot flip the
  line around it, and a right-to-left message opens with a right-to-left mark, which SMS apps need;
* never a sentence in another language: where a message has no phrases in the reader's language, the whole message
  is written in the next language the person reads (the candidate's spoken languages, then French, then English),
  and the outbox records the language it was meant for (``Message.requested_language``).

Every phrase awaits a check by a native speaker before real use (``AWAITING_CHECK``; the outbox's language page
lists them).
"""

from collections.abc import Iterable
from datetime import datetime

from babel.dates import format_date

from .languages import CLDR_LOCALE, DOCUMENT_LANGUAGES, UI_LANGUAGES, autonym, language_name
from .pdf import RTL_LANGUAGES
from .phrasebook_texts import PHRASES

# The messages a candidate gets, composed from the phrase tables outside the interface languages. The event is the
# message context's ``event`` (``summary`` the company or workshop, ``start``, ``end``, ``interview``, ``location``).
COMPOSED = {
    "interview_scheduled": ("company", ("replaces", "calendar")),
    "interview_reminder": ("company", ("calendar",)),
    "interview_cancelled": ("company", ()),
    "workshop_reminder": ("title", ()),
    "workshop_cancelled": ("title", ()),
    # The pick-up (``summary`` the reception centre, ``start`` the departure, ``location`` the pick-up place); an
    # event with ``variant`` "off" tells a candidate they are no longer on the run (``transport_pickup_off_*``).
    "transport_pickup": ("centre", ()),
    "reserve_offer": ("company", ()),
}

# Messages whose every word comes in the message's context, already in the reader's language (a candidate's
# personal link: the page's own title and introduction, ``campaigns.personal_phrases``; a coordinator's message to a
# selection of candidates, ``phrasebook_notes``): whole in every language.
WORDS_IN_CONTEXT = {"personal_page", "candidate_note"}

# Languages whose phrases no native speaker has checked yet (all of them, until one has).
AWAITING_CHECK = frozenset(language for language in PHRASES if language != "en")

ISOLATE, POP, RLM = "\u2068", "\u2069", "\u200f"


def has_text(template: str, language: str) -> bool:
    """Whether ``template`` can be written entirely in ``language``."""
    if language in UI_LANGUAGES or (template in WORDS_IN_CONTEXT and language in DOCUMENT_LANGUAGES):
        return True
    return template in COMPOSED and language in PHRASES


def written_in(template: str, languages: Iterable[str]) -> str:
    """The first of ``languages`` (the reader's, best first) the message can be written in entirely; else French,
    else English."""
    return next(language for language in (*languages, "fr", "en") if has_text(template, language))


def composes(template: str, language: str) -> bool:
    return language not in UI_LANGUAGES and template in COMPOSED and language in PHRASES


def isolated(name: str) -> str:
    return f"{ISOLATE}{name}{POP}" if name else ""


def compose(template: str, language: str, *, name: str, event: dict, sms: bool, calendar: bool) -> tuple[str, str]:
    """The subject (empty for an SMS) and the text of a candidate's message in ``language``; ``event`` holds
    datetimes in the candidate's time zone."""
    phrases = PHRASES[language]
    locale = CLDR_LOCALE.get(language, language)
    start: datetime = event["start"]
    subject_of, extras = COMPOSED[template]
    stem = f"{template}_{event['variant']}" if event.get("variant") else template
    values = {
        subject_of: isolated(event.get("summary", "")),
        "day": format_date(start, "EEE d/M" if sms else "EEEE d MMMM", locale=locale),
        "start": f"{start:%H:%M}",
        "end": f"{event['end']:%H:%M}" if event.get("end") else "",
        "interview": f"{event['interview']:%H:%M}" if event.get("interview") else "",
    }
    place = isolated(event.get("location", ""))
    if sms:
        lines = [" ".join(part for part in (phrases[f"{stem}_sms"].format(**values), place) if part)]
        subject = ""
    else:
        greeting = phrases["hello"].format(name=isolated(name)) if name else phrases["hello_anonymous"]
        lines = [greeting, "", phrases[f"{stem}_body"].format(**values)]
        if place:
            lines.append(f"{phrases['where']} {place}")
        lines += [phrases[extra] for extra in extras if extra != "calendar" or calendar]
        lines += ["", phrases["goodbye"], "JobRoad"]
        subject = phrases[f"{stem}_subject"].format(**values)
    if language in RTL_LANGUAGES:
        lines = [f"{RLM}{line}" if line else line for line in lines]
        subject = f"{RLM}{subject}" if subject else subject
    return subject, "\n".join(lines) + ("" if sms else "\n")


def coverage() -> list[dict]:
    """Per document language: which candidate messages have text in it, and whether that text awaits a native
    speaker's check (the interface languages are written through the maintained catalogues)."""
    return [
        {
            "language": language,
            "name": language_name(language),
            "autonym": autonym(language),
            "direction": "rtl" if language in RTL_LANGUAGES else "ltr",
            "messages": sorted(template for template in COMPOSED if has_text(template, language)),
            "missing": sorted(template for template in COMPOSED if not has_text(template, language)),
            "awaiting_check": language in AWAITING_CHECK,
        }
        for language in DOCUMENT_LANGUAGES
    ]
