"""gunicorn's settings for JobRoad. gunicorn reads ./gunicorn.conf.py from the directory it starts in; from elsewhere,
pass ``--config /path/to/gunicorn.conf.py``. Everything else is given on the command line (README, "Scaling out")."""

# The access log (on with --access-logfile) has no query strings and no referrers: a search by name puts the name in
# the URL (`?q=`), the next page's Referer repeats it, and a log line would keep it after the person is erased.
# gunicorn's default has both ("%(r)s" is the whole request line, "%(f)s" the referrer); "%(U)s" is the path alone.
access_log_format = '%(h)s %(l)s %(u)s %(t)s "%(m)s %(U)s %(H)s" %(s)s %(b)s "%(a)s"'
