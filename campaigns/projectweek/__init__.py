"""The project week: the scheduling engine (pure), its input, generating, moving and publishing the schedule, the
printed documents in the candidate's language, and HR's evaluations."""
