from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkshopsConfig(AppConfig):
    name = "workshops"
    verbose_name = _("Workshops")

    def ready(self):
        from campaigns.services import CLONE_STEPS
        from jobroad.pages import add_to_page

        from . import privacy
        from .pages import on_campaign_page
        from .services import copy_workshops

        CLONE_STEPS.append(copy_workshops)
        add_to_page("campaign_detail", on_campaign_page)
        privacy.register()
