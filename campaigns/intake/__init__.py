"""Intake and screening: registering a candidate into a campaign (one by one or from a spreadsheet), the
screening rounds and their calibration. The candidate's own record (details, consent, languages) is the candidates
app's; what ties it to a campaign is here."""
