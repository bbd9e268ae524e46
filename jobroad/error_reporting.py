"""Optional error reporting to Sentry (or a compatible service), on only when ``SENTRY_DSN`` is set.

No personal data leaves with an error: ``send_default_pii=False`` keeps out users, IP addresses and cookies, and
``scrub`` drops what the SDK would still attach of a request — its body (a candidate's details typed into a form),
cookies, query string (a search by name, a one-time link's token) and headers — keeping the method and the path."""

import sentry_sdk

KEPT_REQUEST_FIELDS = ("method", "url")


def scrub(event: dict, hint: dict | None = None) -> dict:
    request = event.get("request")
    if request is not None:
        event["request"] = {name: request[name] for name in KEPT_REQUEST_FIELDS if name in request}
    event.pop("user", None)
    return event


def init(dsn: str, *, environment: str) -> None:
    sentry_sdk.init(
        dsn=dsn,
        environment=environment,
        send_default_pii=False,
        max_request_body_size="never",
        before_send=scrub,
        traces_sample_rate=0,
    )
