from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CertificatesConfig(AppConfig):
    name = "certificates"
    verbose_name = _("No-arrears certificates")

    def ready(self):
        from django.db.models.signals import post_save

        # Imported in ready(): these modules load models, which needs the app registry.
        from blacklist.signals import listing_in_force

        from . import blockers, receivers

        blockers.register_builtin()
        post_save.connect(receivers.case_filed, sender="cases.Case", dispatch_uid="certificates.case_filed")
        listing_in_force.connect(receivers.listing_in_force, dispatch_uid="certificates.listing_in_force")
