"""The enterprise's one timeline. Every app writes its events here (never its own timeline)."""

from django.conf import settings
from django.utils import timezone, translation

from .models import TimelineEntry


def file_language():
    """Text stored on the file (titles, grade reasons) is written in the bureau's language, whatever the
    language of the user's screen: `with file_language(): title = _("...")`."""
    return translation.override(settings.LANGUAGE_CODE)


def build_entry(enterprise, kind: str, title: str, *, detail: str = "", actor=None, obj=None, url: str = "",
                occurred_at=None) -> TimelineEntry:
    """An unsaved entry, for callers that write many at once (save_entries)."""
    return TimelineEntry(
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


def add_entry(enterprise, kind: str, title: str, *, detail: str = "", actor=None, obj=None, url: str = "",
              occurred_at=None) -> TimelineEntry:
    """Add one line to the enterprise's electronic file; call it inside the transaction of the event."""
    entry = build_entry(enterprise, kind, title, detail=detail, actor=actor, obj=obj, url=url,
                        occurred_at=occurred_at)
    entry.save()
    return entry


def save_entries(entries: list[TimelineEntry]) -> None:
    TimelineEntry.objects.bulk_create(entries, batch_size=2000)
