"""The enterprise's one timeline. Every app writes its events here (never its own timeline)."""

from django.utils import timezone

from .models import TimelineEntry


def add_entry(enterprise, kind: str, title: str, *, detail: str = "", actor=None, obj=None, url: str = "",
              occurred_at=None) -> TimelineEntry:
    return TimelineEntry.objects.create(
        enterprise=enterprise,
        kind=kind,
        title=str(title)[:200],
        detail=detail,
        actor=actor if getattr(actor, "pk", None) else None,
        object_type=obj._meta.label_lower if obj is not None else "",
        object_id=str(obj.pk) if obj is not None else "",
        url=url,
        occurred_at=occurred_at or timezone.now(),
    )
