from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from . import text


class JobroadConfig(AppConfig):
    name = "jobroad"
    verbose_name = _("JobRoad platform")

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from . import channels, services
        from .middleware import start_session_clock

        user_logged_in.connect(start_session_clock, dispatch_uid="jobroad_start_session_clock")
        text.install()  # every form's text without invisible control characters (jobroad/text.py)
        channels.register_one_time_link("invitation", services.invitation_link)
