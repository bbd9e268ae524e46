"""What the workshops hold about a candidate — their registrations — for the subject export and the erasure
(``jobroad.privacy``). Registered in ``WorkshopsConfig.ready``."""

from jobroad import privacy

from .models import Registration


def register() -> None:
    privacy.register_holding(privacy.Holding(position=40, tables=held_about, scrub=scrub_registrations))


def held_about(candidate) -> dict:
    return {"workshop_registrations": Registration.objects.filter(candidate=candidate)}


def scrub_registrations(*, candidate, actor) -> None:
    Registration.objects.filter(candidate=candidate).update(name="")
