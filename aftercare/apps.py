from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AftercareConfig(AppConfig):
    name = "aftercare"
    verbose_name = _("Aftercare")

    def ready(self):
        from jobroad import channels

        from . import services

        channels.register_one_time_link("checkin_employer", services.employer_check_in_link)
