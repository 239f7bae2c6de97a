from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DepositsConfig(AppConfig):
    name = "deposits"
    verbose_name = _("Wage deposits and emergency funds")

    def ready(self):
        # Imported in ready(): these modules load models, which needs the app registry.
        from projects.permits import register_requirement

        from .permit import deposit_requirement

        register_requirement("wage_deposit", deposit_requirement)
