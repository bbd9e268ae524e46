from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CompaniesConfig(AppConfig):
    name = "companies"
    verbose_name = _("Companies")

    def ready(self):
        from jobroad import context_processors, imports

        from . import permissions
        from .imports import VacancyImport

        imports.register_spec(VacancyImport)
        context_processors.register_menu_item("companies", permissions.can_see_companies)
