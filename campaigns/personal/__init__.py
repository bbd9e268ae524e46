"""A candidate's personal page: their workshop sessions and project-week days, by a signed link, without an
account, in their own language; they answer "I will come" or "I can't come"."""
