from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CandidatesConfig(AppConfig):
    name = "candidates"
    verbose_name = _("Candidates")

    def ready(self):
        from jobroad import context_processors

        from . import permissions, privacy

        context_processors.register_menu_item("candidates", permissions.can_see_candidates)
        privacy.register()
