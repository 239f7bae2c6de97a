from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BlacklistConfig(AppConfig):
    name = "blacklist"
    verbose_name = _("Joint punishment and disclosure")

    def ready(self):
        # While listed, the enterprise counts as grade C and its deposits rise by 100%: the grading and the
        # deposit rate read the list through their registries (blacklist.providers).
        from deposits import providers as deposit_providers
        from enterprises import grading

        from .providers import DepositProvider, GradingProvider

        grading.register_provider(GradingProvider())
        deposit_providers.register_blacklist_provider(DepositProvider())
