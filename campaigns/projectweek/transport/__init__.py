"""Transport runs of the project week: pick-ups per day and reception centre, derived from the published schedule."""
