"""The fuzzer of tests/test_fuzzing.py: what hypothesis posts (the fields read from a form as a browser submits
them, filled with wild or plausible values) and what must hold after each post (no 5xx, no row changed by a
refused post, no raw markup on the page).
"""

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time
from html.parser import HTMLParser
from urllib.parse import urlsplit

from django.contrib.messages import constants, get_messages
from django.db import connection
from django.urls import resolve
from hypothesis import strategies as st

from jobroad.models import AuditEntry

SCALE = float(os.environ.get("JOBROAD_FUZZ_SCALE", "1"))

# --- What hypothesis posts ---------------------------------------------------------------------------------------

# Markup that must never come back raw: each is unmistakable in a page, unlike a lone "<".
PAYLOADS = [
    '<script>alert("jr")</script>',
    '<img src="http://evil.example/x" onerror=alert(1)>',
    '"><svg onload=alert(1)>',
    "</textarea><script>alert(2)</script>",
    "{{ request.user.password }}{% debug %}",
    "%(name)s %s {0} \\N{BULLET}",
    "' OR 1=1; DROP TABLE candidates_candidate; --",
    "\u202eevil\u202c \u200f\ufeff",
    '=HYPERLINK("http://evil.example")',
    "\x00\x01\x1b[31m\r\n\t",
]
RAW_MARKERS = ['<script>alert("jr")</script>', '<img src="http://evil.example/x"', "<svg onload=", "<script>alert(2)"]

long_text = st.builds(lambda piece, times: piece * times, st.text(min_size=1, max_size=3), st.integers(100, 6000))
payload_text = st.builds("".join, st.lists(st.one_of(st.sampled_from(PAYLOADS), st.text(max_size=20)), max_size=4))
any_text = st.one_of(st.text(max_size=60), payload_text, long_text, st.sampled_from(PAYLOADS))
numbers = st.one_of(
    st.integers(-5, 60), st.integers(-(10**30), 10**30), st.sampled_from(["1e9", "0x10", "٣", "²", "NaN", "-0", " 7 "])
)
days = st.one_of(
    st.dates(date(2020, 1, 1), date(2030, 12, 31)), st.sampled_from([date.min, date.max, date(9999, 12, 1)])
)
moments = st.builds(datetime.combine, days, st.times())
pks = st.integers(-1, 60).map(str)  # including other organisations' objects


@dataclass
class Field:
    name: str
    kind: str  # text, textarea, select, checkbox, radio, hidden, number, date, time, datetime-local, email …
    options: list[str] = field(default_factory=list)
    initial: list[str] = field(default_factory=list)
    multiple: bool = False


@dataclass
class Form:
    action: str
    method: str
    fields: dict[str, Field] = field(default_factory=dict)


class FormReader(HTMLParser):
    """The forms of a page with their fields, options and current values, as a browser would submit them."""

    SKIPPED = {"submit", "button", "reset", "image", "file"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms: list[Form] = []
        self.form: Form | None = None
        self.select: Field | None = None
        self.textarea: Field | None = None
        self.nested = 0  # a <form> inside a <form>: browsers ignore the inner tag, so its action is lost

    def handle_starttag(self, tag, attrs):
        attrs = {name: value if value is not None else "" for name, value in attrs}
        if tag == "form" and self.form is not None:
            self.nested += 1
        elif tag == "form":
            self.form = Form(action=attrs.get("action", ""), method=attrs.get("method", "get").lower())
        elif self.form is None or (not attrs.get("name") and tag != "option"):
            return
        elif tag == "button" or (tag == "input" and attrs.get("type") == "submit"):  # a named button sends its value
            item = self.form.fields.setdefault(attrs["name"], Field(attrs["name"], "select"))
            item.options.append(attrs.get("value", ""))
        elif tag == "input" and attrs.get("type", "text").lower() not in self.SKIPPED:
            kind = attrs.get("type", "text").lower()
            item = self.form.fields.setdefault(attrs["name"], Field(attrs["name"], kind))
            value = attrs.get("value", "on" if kind in ("checkbox", "radio") else "")
            if kind in ("checkbox", "radio"):
                item.options.append(value)
                item.multiple = item.multiple or kind == "checkbox"
                item.initial += [value] if "checked" in attrs else []
            else:
                item.initial = [value]
        elif tag == "textarea":
            self.textarea = self.form.fields.setdefault(attrs["name"], Field(attrs["name"], "textarea", initial=[""]))
        elif tag == "select":
            self.select = Field(attrs["name"], "select", multiple="multiple" in attrs)
            self.form.fields[attrs["name"]] = self.select
        elif tag == "option" and self.select is not None:
            self.select.options.append(attrs.get("value", ""))
            self.select.initial += [attrs.get("value", "")] if "selected" in attrs else []

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea.initial = [self.textarea.initial[0] + data]

    def handle_endtag(self, tag):
        if tag == "form" and self.form is not None:
            self.forms.append(self.form)
            self.form = None
        elif tag == "select":
            self.select = None
        elif tag == "textarea":
            self.textarea = None


def form_posting_to(html: str, page_url: str, action_url: str) -> Form:
    reader = FormReader()
    reader.feed(html)
    assert reader.nested == 0, f"a form inside a form on {page_url}"
    path = urlsplit(action_url).path
    found = [form for form in reader.forms if urlsplit(form.action or page_url).path == path]
    assert found, f"no form on {page_url} posts to {action_url}"
    return found[0]


def wild(item: Field):
    """Anything at all for the field: a valid choice, another object's pk, garbage, a value out of range."""
    if item.kind in ("select", "radio", "checkbox"):
        one = st.one_of(st.sampled_from(item.options or [""]), pks, any_text)
        return st.lists(one, max_size=4) if item.multiple else one
    return {
        "number": numbers.map(str),
        "date": st.one_of(days.map(date.isoformat), any_text),
        "datetime-local": st.one_of(moments.map(lambda moment: moment.isoformat()[:16]), any_text),
        "time": st.one_of(st.times().map(lambda moment: moment.strftime("%H:%M")), any_text),
        "hidden": st.one_of(st.sampled_from(item.initial or [""]), pks, any_text),
    }.get(item.kind, any_text)


def plausible(item: Field):
    """What a person might type: the current value or a near date and a small number, and hostile text in every
    free-text field — so the text gets saved and shown again."""
    current = item.initial if item.multiple else (item.initial or item.options[:1] or [""])[0]
    if item.kind in ("select", "radio", "checkbox"):
        if not item.options:
            return st.just(current)
        if item.multiple:
            return st.one_of(st.just(current), st.lists(st.sampled_from(item.options), max_size=3, unique=True))
        return st.one_of(st.just(current), st.sampled_from(item.options))
    kinds = {
        "number": st.integers(1, 20).map(str),
        "date": st.dates(date(2026, 1, 1), date(2027, 12, 31)).map(date.isoformat),
        "datetime-local": st.builds(
            datetime.combine, st.dates(date(2026, 1, 1), date(2027, 12, 31)), st.times(time(8), time(16))
        ).map(lambda moment: moment.isoformat()[:16]),
        "time": st.times(time(8), time(16)).map(lambda moment: moment.strftime("%H:%M")),
        "hidden": st.just(current),
        "email": st.sampled_from(["sara@example.org", *PAYLOADS[:2]]),
    }
    fallback = st.one_of(st.just(current), payload_text) if current else payload_text
    return st.one_of(st.just(current), kinds[item.kind]) if item.kind in kinds else fallback


@st.composite
def submissions(draw, form: Form) -> dict:
    """Form data: either every field plausible, or each field wild or left out."""
    chaos = draw(st.booleans())
    data = {}
    for item in form.fields.values():
        if not chaos:
            data[item.name] = draw(plausible(item))
        elif draw(st.integers(0, 4)):  # one field in five left out
            data[item.name] = draw(wild(item))
    return data


# --- What must hold ------------------------------------------------------------------------------------------------

# Reading a record is audited; sessions and the cache (rate limits) change on any request.
UNCHECKED_TABLES = {"django_session", "jobroad_cache", AuditEntry._meta.db_table}


def database_state() -> dict[str, list[str]]:
    """Every row of every table, to see whether a refused submission changed anything at all."""
    state = {}
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            if table not in UNCHECKED_TABLES:
                cursor.execute(f'SELECT * FROM "{table}"')
                state[table] = sorted(repr(row) for row in cursor.fetchall())
    return state


def changed_tables(before: dict, after: dict) -> list[str]:
    return sorted(table for table in before.keys() | after.keys() if before.get(table) != after.get(table))


def succeeded(response) -> bool:
    refused = any(message.level >= constants.ERROR for message in get_messages(response.wsgi_request))
    return response.status_code == 302 and not refused


def forget_messages(client) -> None:
    """Drop messages an earlier example left unread, so an old error does not pass for this one's."""
    client.cookies.pop("messages", None)
    if "_messages" in client.session:
        session = client.session
        del session["_messages"]
        session.save()


def assert_inert(response) -> None:
    if "text/html" not in response.get("Content-Type", ""):
        return
    body = response.content.decode()
    assert [marker for marker in RAW_MARKERS if marker in body] == []


def assert_survives(client, method: str, url: str, data: dict, success: Callable = succeeded) -> None:
    forget_messages(client)
    before = database_state()

    response = getattr(client, method)(url, data)

    assert response.status_code < 500
    if success(response) and response.status_code != 302:
        assert_inert(response)
    elif success(response):
        target = urlsplit(response.url)
        if not target.netloc and resolve(target.path).url_name not in ("account_login", "account_reauthenticate"):
            shown = client.get(response.url)
            assert shown.status_code < 500
            assert_inert(shown)
    else:
        assert changed_tables(before, database_state()) == []
        assert_inert(response)
