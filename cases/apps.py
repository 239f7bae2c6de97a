from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasesConfig(AppConfig):
    name = "cases"
    verbose_name = _("Complaints and cases")

    def ready(self):
        # Imported in ready(): the grading module loads models, which needs the app registry.
        from enterprises import grading

        from .grading import CaseProvider

        grading.register_provider(CaseProvider())
