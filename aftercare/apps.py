from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AftercareConfig(AppConfig):
    name = "aftercare"
    verbose_name = _("Aftercare")

    def ready(self):
        from campaigns.intake.services import TRACK_OBJECTIONS
        from jobroad import channels, context_processors, saved_filters
        from jobroad.pages import add_to_page

        from . import filters, pages, privacy, referrals, selectors, services
        from .permissions import can_see_placements

        channels.register_one_time_link("checkin_employer", services.employer_check_in_link)
        channels.register_one_time_link("referral_agency", referrals.agency_referral_link)
        context_processors.register_menu_item("aftercare", can_see_placements)
        add_to_page("candidate_list", pages.on_candidate_list)
        add_to_page("candidate_filters", pages.candidate_filters)
        saved_filters.register_list("placement_list", filters.applied_filters)
        add_to_page("candidate_detail", pages.on_candidate_page)
        TRACK_OBJECTIONS.append(selectors.placement_objection)
        privacy.register()
