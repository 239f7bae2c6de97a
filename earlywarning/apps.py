from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EarlyWarningConfig(AppConfig):
    name = "earlywarning"
    verbose_name = _("Early warning")

    def ready(self):
        # Imported in ready(): the tasks load the engine and its models, which needs the app registry; the hook
        # lists live in the apps below, which cannot import earlywarning (see their docstrings).
        from cases.hooks import on_data_changed as on_case_data_changed
        from projects.hooks import on_data_changed as on_project_data_changed  # (the same)

        from .tasks import dispatch_for  # loads the engine's models

        on_project_data_changed(dispatch_for)
        on_case_data_changed(dispatch_for)
