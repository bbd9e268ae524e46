from django.apps import AppConfig
from django.core.management import call_command
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _

from . import text


class JobroadConfig(AppConfig):
    name = "jobroad"
    verbose_name = _("JobRoad platform")

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from . import channels, message_filters, saved_filters, services
        from .middleware import start_session_clock

        user_logged_in.connect(start_session_clock, dispatch_uid="jobroad_start_session_clock")
        post_migrate.connect(create_cache_table, sender=self, dispatch_uid="jobroad_create_cache_table")
        text.install()  # every form's text without invisible control characters (jobroad/text.py)
        channels.register_one_time_link("invitation", services.invitation_link)
        saved_filters.register_list("message_list", message_filters.applied_filters)


def create_cache_table(sender, using, **kwargs):
    """Every `migrate` makes the cache's table (settings.CACHES: a database table in both modes), so no installation
    step can forget it; `createcachetable` leaves an existing table alone."""
    call_command("createcachetable", database=using, verbosity=0)
