"""gunicorn's settings for JobRoad. gunicorn reads ./gunicorn.conf.py from the directory it starts in; from elsewhere,
pass ``--config /path/to/gunicorn.conf.py``. Everything else is given on the command line (README, "Scaling out")."""

from gunicorn.glogging import Logger

from jobroad.log_filters import redact

# The access log (on with --access-logfile) has no query strings and no referrers: a search by name puts the name in
# the URL (`?q=`), the next page's Referer repeats it, and a log line would keep it after the person is erased.
# gunicorn's default has both ("%(r)s" is the whole request line, "%(f)s" the referrer); "%(U)s" is the path alone.
access_log_format = '%(h)s %(l)s %(u)s %(t)s "%(m)s %(U)s %(H)s" %(s)s %(b)s "%(a)s"'


class TokenlessAccessLogger(Logger):
    """The path without a one-time link's token: the log must not keep a working invitation or check-in link."""

    def atoms(self, resp, req, environ, request_time):
        atoms = super().atoms(resp, req, environ, request_time)
        atoms["U"], atoms["r"] = redact(atoms["U"] or ""), redact(atoms["r"])
        return atoms


logger_class = TokenlessAccessLogger
