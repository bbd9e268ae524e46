from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CampaignsConfig(AppConfig):
    name = "campaigns"
    verbose_name = _("Campaigns")

    def ready(self):
        from jobroad import channels, context_processors, imports
        from jobroad.pages import add_to_page

        from . import permissions, privacy
        from .intake.imports import CandidateImport
        from .pages import candidate_filters, on_candidate_list, on_candidate_page, on_company_page, on_consent_form
        from .personal.links import link_for_message

        add_to_page("company_detail", on_company_page)
        add_to_page("candidate_list", on_candidate_list)
        add_to_page("candidate_filters", candidate_filters)
        add_to_page("candidate_detail", on_candidate_page)
        add_to_page("consent_form", on_consent_form)
        context_processors.register_menu_item("campaigns", permissions.can_see_campaigns)
        context_processors.register_menu_item("hr", permissions.has_hr_menu)
        imports.register_spec(CandidateImport)
        privacy.register()
        channels.register_one_time_link("personal_page", link_for_message)
