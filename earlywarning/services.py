"""The one action an official takes on a warning: disposing of it with a note (never deleting it)."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from audit import events
from audit.kinds import AuditKind
from kernel.errors import IllegalTransition, RuleRefused
from kernel.roles import Action

from .models import ClearedHow, EventKind, Warning, WarningEvent, WarningStatus

NOTE_MAX = 2000


@transaction.atomic
def dispose(warning, actor, note: str, *, now=None) -> Warning:
    """Clear an open warning by an official's decision, with the reason; the history keeps it."""
    note = (note or "").strip()
    if not note:
        raise RuleRefused(_("Say why the warning is disposed of."), "note")
    if len(note) > NOTE_MAX:
        raise RuleRefused(_("At most %(n)d characters.") % {"n": NOTE_MAX}, "note")
    locked = Warning.objects.visible_to(actor, Action.CHANGE).select_for_update().filter(pk=warning.pk).first()
    if locked is None:
        raise PermissionDenied
    if locked.status != WarningStatus.OPEN:
        raise IllegalTransition(_("This warning is already cleared."))
    now = now or timezone.now()
    locked.status = WarningStatus.CLEARED
    locked.cleared_how = ClearedHow.DISPOSED
    locked.cleared_at = now
    locked.cleared_by = actor
    locked.note = note
    locked.save(update_fields=["status", "cleared_how", "cleared_at", "cleared_by", "note"])
    WarningEvent.objects.create(warning=locked, kind=EventKind.DISPOSED, at=now, by=actor, note=note)
    events.record(
        AuditKind.WARNING_DISPOSED,
        actor=actor,
        obj=locked,
        rule=locked.rule,
        subject=locked.subject,
        subject_id=locked.subject_id,
        level=locked.level,
    )
    return locked
