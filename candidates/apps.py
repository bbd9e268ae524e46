from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CandidatesConfig(AppConfig):
    name = "candidates"
    verbose_name = _("Candidates")

    def ready(self):
        from jobroad import context_processors, saved_filters

        from . import filters, permissions, privacy

        context_processors.register_menu_item("candidates", permissions.can_see_candidates)
        privacy.register()
        saved_filters.register_list("candidate_list", filters.applied_filters)
