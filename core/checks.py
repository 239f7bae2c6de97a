"""System checks of the deployment that Django's own do not know about. They run with every management
command (migrate in docker compose) and before gunicorn starts in the image (Dockerfile CMD)."""

from django.conf import settings
from django.core.checks import Error, register

PROXY_COUNT_UNSET = "wagewatch.E001"


@register("wagewatch")
def proxy_count_is_set_behind_a_proxy(app_configs=None, **kwargs):
    """Behind a reverse proxy the caller's address is in X-Forwarded-For; with PROXY_COUNT=0 every caller
    would have the proxy's address, so one worker's mistakes would lock the whole city out of the public
    forms and the audit trail would name the proxy for everyone."""
    if settings.DEBUG or not getattr(settings, "BEHIND_TLS_PROXY", False):
        return []
    if getattr(settings, "PROXY_COUNT", 0) >= 1:
        return []
    return [Error(
        "PROXY_COUNT is not set although the site runs behind a reverse proxy (BEHIND_TLS_PROXY is on, the "
        "production default): every caller would share the proxy's address in rate limits, login lockouts, "
        "API throttles and the audit trail.",
        hint="Set PROXY_COUNT to the number of proxies in front of the web process (1 for the documented nginx, "
             "which must append X-Forwarded-For), or BEHIND_TLS_PROXY=false if clients connect to gunicorn "
             "directly. See README, Deployment.",
        id=PROXY_COUNT_UNSET)]
