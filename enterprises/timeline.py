"""The enterprise's one timeline. Every app writes its events here (never its own timeline).

An action that is both audited and put on the file goes through `record_with_timeline`, the one writer of the
pair: it sits here because enterprises is the lowest package that sees both the audit log and the file."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation

from audit import events
from audit.kinds import AuditKind

from .choices import TimelineKind
from .models import TimelineEntry

# Kinds whose every entry concerns what the enterprise itself did or was served (Decree 423 Art. 9: nothing of
# the investigation side). Case and listing entries are decided per event by their writer (`served=`);
# complaints and inspections are never shown to the enterprise.
SERVED_KINDS = frozenset({
    TimelineKind.REGISTERED, TimelineKind.UPDATED, TimelineKind.GRADE, TimelineKind.VIOLATION,
    TimelineKind.PROJECT, TimelineKind.DEPOSIT, TimelineKind.INTERVIEW, TimelineKind.WARNING,
    TimelineKind.CERTIFICATE,
})


def file_language():
    """Text stored on the file (titles, grade reasons) is written in the bureau's language, whatever the
    language of the user's screen: `with file_language(): title = _("...")`."""
    return translation.override(settings.LANGUAGE_CODE)


def build_entry(enterprise, kind: str, title: str, *, detail: str = "", actor=None, obj=None, url: str = "",
                occurred_at=None, served: bool | None = None) -> TimelineEntry:
    """An unsaved entry, for callers that write many at once (save_entries).

    served: whether the entry was served on the enterprise (or is its own doing) and so is shown to it; by
    default the kind decides (SERVED_KINDS), which leaves case and listing events hidden unless the writer says
    they were served."""
    return TimelineEntry(
        visible_to_enterprise=(kind in SERVED_KINDS) if served is None else served,
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
              occurred_at=None, served: bool | None = None) -> TimelineEntry:
    """Add one line to the enterprise's electronic file; call it inside the transaction of the event."""
    entry = build_entry(enterprise, kind, title, detail=detail, actor=actor, obj=obj, url=url,
                        occurred_at=occurred_at, served=served)
    entry.save()
    return entry


def record_with_timeline(kind: AuditKind, enterprise, timeline_kind: str, title, /, *, actor=None, obj=None,
                         district=None, detail: str = "", url: str = "", served: bool | None = None,
                         occurred_at=None, entry_obj=None, **data) -> list[TimelineEntry]:
    """Record one action's audit event and its line on the file of each enterprise concerned, together: in
    one transaction (the caller's, when it has one), so that neither exists without the other.

    enterprise: one enterprise, several (each gets the line once), or None (the audit event alone: a record
    without an employer). obj and district describe the audit event (district defaults to obj's); entry_obj
    names the record the line links to when it is not obj. data is the audit detail, stored as given.
    served: see build_entry. A lazy title is rendered in the bureau's language (file_language). The first four
    are positional-only, so the audit detail may carry keys of the same names (kind=, enterprise=)."""
    with transaction.atomic():
        events.record(kind, actor=actor, obj=obj, district=district, **data)
        with file_language():
            title, detail = str(title), str(detail) if detail else detail
        targets = enterprise if isinstance(enterprise, list | tuple | set | frozenset) else [enterprise]
        unique = {e.pk: e for e in targets if e is not None}.values()
        return [add_entry(e, timeline_kind, title, detail=detail, actor=actor, obj=entry_obj or obj, url=url,
                          occurred_at=occurred_at, served=served) for e in unique]


def save_entries(entries: list[TimelineEntry]) -> None:
    TimelineEntry.objects.bulk_create(entries, batch_size=2000)


def with_openable_links(entries, user):
    """Set entry.link to the entry's page only where this viewer may open it (never render a link the viewer
    cannot open): the page's record is read through visible_to, one query per kind of record."""
    targets = {entry.pk: _target(entry) for entry in entries if entry.url}
    wanted = {}
    for model, pk in filter(None, targets.values()):
        wanted.setdefault(model, set()).add(pk)
    openable = set()
    for model, pks in wanted.items():
        openable.update((model, pk) for pk in model._default_manager.visible_to(user).filter(pk__in=pks)
                        .values_list("pk", flat=True))
    for entry in entries:
        entry.link = entry.url if targets.get(entry.pk) in openable else ""
    return entries


def _target(entry):
    """(model, pk) of the record the entry's page shows: the detail view's model, else the entry's object."""
    from django.apps import apps
    from django.urls import Resolver404, resolve

    try:
        match = resolve(entry.url.split("?")[0])
    except Resolver404:
        return None
    model = getattr(getattr(match.func, "view_class", None), "model", None)
    pk = match.kwargs.get("pk")
    if model is None and entry.object_type:
        try:
            model, pk = apps.get_model(entry.object_type), entry.object_id
        except (LookupError, ValueError):
            return None
    if model is None or pk is None or not hasattr(model._default_manager, "visible_to"):
        return None
    try:
        return model, model._meta.pk.to_python(pk)
    except (ValueError, ValidationError):  # a malformed stored id is simply not a link
        return None
