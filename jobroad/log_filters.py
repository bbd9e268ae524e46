"""Request logs without query strings: a search by name puts the name in the URL (``?q=``), and a log line would keep
it after the person's record is erased. gunicorn's access log leaves them out by its format (gunicorn.conf.py)."""

import logging
import re

QUERY_STRING = re.compile(r"\?[^\s\"]*")


class DropQueryString(logging.Filter):
    """For runserver's request log (logger ``django.server``, so the embedded mode's ``manage.py serve``): its
    arguments hold the request line, ``GET /candidates/?q=name HTTP/1.1``, which becomes ``GET /candidates/
    HTTP/1.1``."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple):
            record.args = tuple(QUERY_STRING.sub("", arg) if isinstance(arg, str) else arg for arg in record.args)
        return True
