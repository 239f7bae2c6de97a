"""Standing notices to the city administrators: a banner on every page they open (inc/messages.html, via
core.context_processors) and a mail once a day (Django's mail), until the condition is resolved. A log line
alone reaches nobody."""

import datetime as dt
import logging

from django.conf import settings
from django.core.mail import send_mail
from django.utils import timezone

from accounts.models import User
from kernel.roles import Role

logger = logging.getLogger("wagewatch.notices")


def raise_notice(key: str, *, title: str, message: str, on: dt.date) -> "AdminNotice":  # noqa: F821
    """Open (or keep open) the notice and mail the city administrators, at most once a day."""
    from .models import AdminNotice

    notice, _created = AdminNotice.objects.update_or_create(
        key=key, defaults={"title": title[:200], "message": message, "last_raised_on": on, "resolved_at": None})
    if notice.mailed_on != on:
        recipients = city_admin_emails()
        if recipients:
            send_mail(f"[{settings.WAGEWATCH_BUREAU_NAME}] {title}", message, None, recipients)
        else:
            logger.warning("admin_notice key=%s: no city administrator has an e-mail address", key)
        notice.mailed_on = on
        notice.save(update_fields=["mailed_on"])
    return notice


def resolve(key: str) -> int:
    from .models import AdminNotice

    return AdminNotice.objects.filter(key=key, resolved_at__isnull=True).update(resolved_at=timezone.now())


def open_notices_for(user) -> list:
    """The notices a user sees on every page: city administrators only."""

    from .models import AdminNotice

    if not getattr(user, "is_authenticated", False) or not (user.is_superuser or user.role == Role.CITY_ADMIN):
        return []
    return list(AdminNotice.objects.filter(resolved_at__isnull=True))


def city_admin_emails() -> list[str]:

    return sorted(set(User.objects.filter(role=Role.CITY_ADMIN, is_active=True).exclude(email="")
                      .values_list("email", flat=True)))
