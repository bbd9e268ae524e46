from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkshopsConfig(AppConfig):
    name = "workshops"
    verbose_name = _("Workshops")

    def ready(self):
        from campaigns.personal import selectors as personal_selectors
        from campaigns.personal import services as personal_services
        from campaigns.services import CLONE_STEPS
        from jobroad.pages import add_to_page

        from . import privacy
        from .pages import on_campaign_page
        from .personal import answer_session, session_appointments
        from .services import copy_workshops

        CLONE_STEPS.append(copy_workshops)
        add_to_page("campaign_detail", on_campaign_page)
        privacy.register()
        personal_selectors.APPOINTMENTS.append(session_appointments)
        personal_services.ANSWERS["session"] = answer_session
