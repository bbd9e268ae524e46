from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class JobroadConfig(AppConfig):
    name = "jobroad"
    verbose_name = _("JobRoad platform")
