"""Pages asked for in English, for tests that name a message by its (English) source text; the ``english``
fixture of tests/conftest.py does the same for code that runs outside a request."""

ENGLISH = {"Accept-Language": "en"}
