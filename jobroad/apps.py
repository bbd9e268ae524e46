from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class JobroadConfig(AppConfig):
    name = "jobroad"
    verbose_name = _("JobRoad platform")

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from .middleware import start_session_clock

        user_logged_in.connect(start_session_clock, dispatch_uid="jobroad_start_session_clock")
