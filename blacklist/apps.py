from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BlacklistConfig(AppConfig):
    name = "blacklist"
    verbose_name = _("Joint punishment and disclosure")

    def ready(self):
        # While listed, the enterprise counts as grade C and its deposits rise by 100%: the grading and the
        # deposit rate read the list through their registries (blacklist.providers).
        # Imported in ready(): the providers load blacklist's models, which needs the app registry.
        from deposits import providers as deposit_providers  # the deposit rate's registry
        from enterprises import grading  # registry of the grade findings

        from .providers import DepositProvider, GradingProvider

        grading.register_provider(GradingProvider())
        deposit_providers.register_blacklist_provider(DepositProvider())
