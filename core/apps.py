from axes.apps import AppConfig as AxesAppConfig
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    default = True  # this module also holds AxesConfig (and imports axes' own config)
    name = "core"
    verbose_name = _("Platform")

    def ready(self):
        from . import checks  # noqa: F401  (registers the deployment checks)
        from .imports import tasks  # noqa: F401 (registers the import tasks with Celery)


class AxesConfig(AxesAppConfig):
    """django-axes under a name the city administrator reads (its own has no verbose name: "Axes")."""

    default = False
    verbose_name = _("Login lockouts")
