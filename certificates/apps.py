from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CertificatesConfig(AppConfig):
    name = "certificates"
    verbose_name = _("No-arrears certificates")

    def ready(self):
        # Imported in ready(): the receivers load models, which needs the app registry.
        from blacklist.hooks import on_listing_in_force
        from cases.hooks import on_case_filed  # the hook lists of the apps below (see their docstrings)

        from . import receivers

        on_case_filed(receivers.case_filed)
        on_listing_in_force(receivers.listing_in_force)
