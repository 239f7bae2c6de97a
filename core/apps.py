from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Platform")

    def ready(self):
        from . import checks  # noqa: F401  (registers the deployment checks)
        from .imports import tasks  # noqa: F401 (registers the import tasks with Celery)
