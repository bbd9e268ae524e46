"""Interpreters for the project week: a register (languages, organisation, contact details, the days they are free)
and bookings per campaign day. The scheduler counts the booked interpreters who are free that day; each booking
gets a day sheet of the interviews it covers."""
