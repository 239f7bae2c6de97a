"""The audit vocabulary: one function per event, so that every caller logs the same shape.

Personal data never goes into `data`: a reveal event names the field, not the value.
"""

import logging
import threading

from django.conf import settings

from kernel.request_context import current_ip, current_request_id

from .kinds import AuditKind
from .models import AuditEvent

logger = logging.getLogger("wagewatch.audit")


def kind_of(event) -> str:
    """The catalogue member of an event (audit.kinds). A name outside the catalogue is a programming error:
    refused where it can be fixed (development and tests, AUDIT_STRICT_KINDS), logged and kept in production,
    where losing the audit row would be worse than a name without a label."""
    if isinstance(event, AuditKind):
        return event
    try:
        return AuditKind(event)
    except ValueError:
        if settings.AUDIT_STRICT_KINDS:
            raise ValueError(f"{event!r} is not in the audit catalogue (audit.kinds.AuditKind)") from None
        logger.error("audit event %r is not in the audit catalogue", event)
        return str(event)


def record(event: AuditKind, *, actor=None, obj=None, district=None, success=True, **data) -> AuditEvent:
    """Write one audit event; called inside the transaction of the change it describes."""
    event = kind_of(event)
    if district is None and obj is not None:
        district = getattr(obj, "district", None) if hasattr(obj, "district_id") else None
    entry = AuditEvent.objects.create(
        actor=actor if getattr(actor, "pk", None) else None,
        actor_label=getattr(actor, "username", "") or "",
        event=event,
        object_type=obj._meta.label_lower if obj is not None else "",
        object_id=str(obj.pk) if obj is not None else "",
        object_repr=str(obj)[:255] if obj is not None else "",
        district=district,
        success=success,
        ip_address=current_ip(),
        request_id=current_request_id(),
        data=data,
    )
    logger.info("audit %s object=%s:%s success=%s", event, entry.object_type, entry.object_id, success)
    return entry


# Events that must survive the rollback of the transaction they happen in (an operation refused because
# the working-day calendar does not cover a year: the refusal raises, the operation's atomic block rolls
# back, and an audit row written inside it would vanish with it). transaction.on_commit never runs on a
# rollback, so they are kept here and written when the request or task ends, after that transaction.
_independent = threading.local()


def _pending() -> list:
    if not hasattr(_independent, "items"):
        _independent.items = []
    return _independent.items


def record_independently(event: AuditKind, *, success=True, **data) -> None:
    """Record an event whatever becomes of the current transaction: at once when none is open, else when
    the request or task ends (flush_independent, connected in audit.receivers)."""
    from django.db import connection

    event = kind_of(event)

    if not connection.in_atomic_block:
        _write_independent(event, success, data, current_ip(), current_request_id())
        return
    _pending().append((event, success, data, current_ip(), current_request_id()))


def flush_independent(**_signal) -> int:
    """Write the events kept by record_independently (the transaction that refused is over by now)."""
    items, _independent.items = _pending(), []
    for item in items:
        _write_independent(*item)
    return len(items)


def _write_independent(event, success, data, ip, request_id):
    try:
        AuditEvent.objects.create(event=event, success=success, data=data, ip_address=ip, request_id=request_id)
    except Exception:  # noqa: BLE001 (the audit write must not hide the error being reported)
        logger.exception("could not audit %s", event)
        return
    logger.info("audit %s success=%s (independent of the transaction)", event, success)


def login_succeeded(user):
    return record(AuditKind.LOGIN_SUCCEEDED, actor=user, obj=user)


def login_failed(username: str):
    return record(AuditKind.LOGIN_FAILED, success=False, username=username[:150])


def logged_out(user):
    return record(AuditKind.LOGGED_OUT, actor=user, obj=user)


def personal_data_revealed(*, actor, obj, field: str, reason: str = ""):
    """Every read of a full ID, card or phone number (ASVS 8.3.5)."""
    return record(AuditKind.PERSONAL_DATA_REVEALED, actor=actor, obj=obj, field=field, reason=reason[:200])


def object_created(*, actor, obj, **data):
    return record(AuditKind.OBJECT_CREATED, actor=actor, obj=obj, **data)


def object_changed(*, actor, obj, changed: list[str] | None = None, **data):
    return record(AuditKind.OBJECT_CHANGED, actor=actor, obj=obj, changed=changed or [], **data)
