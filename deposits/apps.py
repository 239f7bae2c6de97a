from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DepositsConfig(AppConfig):
    name = "deposits"
    verbose_name = _("Wage deposits and emergency funds")

    def ready(self):
        # Imported in ready(): these modules load models, which needs the app registry.
        from projects.permits import register_requirement

        from . import case_link, providers
        from .permit import deposit_requirement

        register_requirement("wage_deposit", deposit_requirement)
        # The case register answers for arrears and payment orders; nothing answers for the
        # serious-dishonesty list until the blacklist app (issue 7) registers itself.
        providers.register_arrears_provider(case_link.CaseArrears())
        providers.register_payment_order_provider(case_link.CaseOrders())
