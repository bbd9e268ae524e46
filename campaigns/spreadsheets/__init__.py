"""Spreadsheets in and out: importing candidates into a campaign and vacancies into a company (upload, preview,
confirm), the files to fill in, and the lists a user may download. The rules of each import are its app's
(``campaigns.intake.imports``, ``companies.imports``); the mechanism is the core's (``jobroad.imports``)."""
