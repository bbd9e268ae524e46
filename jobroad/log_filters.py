"""Request logs without query strings and without one-time link tokens.

A search by name puts the name in the URL (``?q=``), and a log line would keep it after the person's record is
erased. An invitation's or an employer's check-in link carries its token in the path, and a log line would keep a
working credential that the database holds only as a hash. gunicorn's access log drops query strings by its format
and tokens through ``TokenlessAccessLogger`` (gunicorn.conf.py).
"""

import logging
import re

QUERY_STRING = re.compile(r"\?[^\s\"]*")
# The paths of jobroad/urls.py's ``invitation_accept`` and aftercare/urls.py's ``check_in_link`` (a test checks it).
ONE_TIME_LINK = re.compile(r"(/invitations/|/aftercare/answer/)[^/\s?\"]+")


def redact(text: str) -> str:
    """A request line or path without its query string, and with a one-time token replaced by ``…``."""
    return ONE_TIME_LINK.sub(r"\1…", QUERY_STRING.sub("", text))


class RedactRequestLine(logging.Filter):
    """For runserver's request log (``django.server``, so the embedded mode's ``manage.py serve``) and Django's
    ``django.request`` warnings ("Gone: /invitations/…/"): their arguments hold the request line or the path."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple):
            record.args = tuple(redact(arg) if isinstance(arg, str) else arg for arg in record.args)
        return True
