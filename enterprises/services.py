"""Business actions on the employer registry. Each runs in one transaction, re-checks the actor's
scope after the write, and writes its audit event and timeline entry in that transaction.
Grading actions live in enterprises.grading, the Excel import in enterprises.importer."""

import datetime as dt

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from audit import events
from audit.kinds import AuditKind
from kernel.errors import RuleRefused
from kernel.fetch import assert_still_in_scope
from kernel.roles import Action
from kernel.scoping import can

from .choices import TimelineKind
from .models import Contact, Enterprise, SupervisionPolicy, Violation
from .timeline import add_entry, file_language, record_with_timeline

__all__ = [
    "delete_contact",
    "record_violation",
    "save_contact",
    "save_enterprise",
    "set_supervision_policy",
    "update_violation",
]


def _labels(model, names):
    return ", ".join(str(model._meta.get_field(n).verbose_name) for n in names)


@transaction.atomic
def save_enterprise(enterprise: Enterprise, *, actor, changed: list[str] | None = None) -> Enterprise:
    """Register a new enterprise or save changes to its file (the form has validated the shape)."""
    creating = enterprise.pk is None
    enterprise._history_user = actor
    enterprise.save()
    assert_still_in_scope(enterprise, actor, Action.ADD if creating else Action.CHANGE)
    if creating:
        with file_language():
            title = _("Enterprise registered")
        record_with_timeline(AuditKind.OBJECT_CREATED, enterprise, TimelineKind.REGISTERED, title, actor=actor,
                             obj=enterprise)
    elif changed:
        with file_language():
            title, detail = _("File updated"), _labels(Enterprise, changed)
        record_with_timeline(AuditKind.OBJECT_CHANGED, enterprise, TimelineKind.UPDATED, title, actor=actor,
                             obj=enterprise, detail=detail, changed=changed)
    return enterprise


@transaction.atomic
def save_contact(contact: Contact, *, actor, changed: list[str] | None = None) -> Contact:
    creating = contact.pk is None
    contact._history_user = actor
    contact.save()
    # Contacts are part of the enterprise's file: changing the file covers adding and removing them.
    assert_still_in_scope(contact, actor, Action.CHANGE)
    with file_language():
        title = (_("Contact added: %(name)s") if creating else _("Contact updated: %(name)s")) % {
            "name": contact.name}
    # The field names only: a phone number is personal data and never goes into the log.
    audit = {} if creating else {"changed": changed or []}
    record_with_timeline(AuditKind.OBJECT_CREATED if creating else AuditKind.OBJECT_CHANGED, contact.enterprise,
                         TimelineKind.UPDATED, title, actor=actor, obj=contact, district=contact.enterprise.district,
                         **audit)
    return contact


@transaction.atomic
def delete_contact(contact: Contact, *, actor) -> None:
    assert_still_in_scope(contact, actor, Action.CHANGE)
    enterprise, name = contact.enterprise, contact.name
    events.record(AuditKind.OBJECT_DELETED, actor=actor, obj=contact, district=enterprise.district)
    contact._history_user = actor
    contact.delete()
    with file_language():
        add_entry(enterprise, TimelineKind.UPDATED, _("Contact removed: %(name)s") % {"name": name}, actor=actor)


@transaction.atomic
def record_violation(violation: Violation, *, actor) -> Violation:
    """Put a violation and how it was dealt with on the enterprise's file. It counts for the next
    grading run; re-grading now is an official's decision (grading.propose_grade)."""
    violation.recorded_by = actor
    violation._history_user = actor
    violation.save()
    assert_still_in_scope(violation, actor, Action.ADD)
    with file_language():
        title = _("Violation: %(item)s (%(handling)s)") % {
            "item": violation.get_category_display(), "handling": violation.get_handling_display()}
    record_with_timeline(AuditKind.OBJECT_CREATED, violation.enterprise, TimelineKind.VIOLATION, title,
                         actor=actor, obj=violation, district=violation.enterprise.district,
                         detail=violation.description, enterprise=violation.enterprise_id)
    return violation


@transaction.atomic
def update_violation(violation: Violation, *, actor, changed: list[str]) -> Violation:
    violation._history_user = actor
    violation.save()
    assert_still_in_scope(violation, actor, Action.CHANGE)
    if changed:
        with file_language():
            title, detail = _("Violation record corrected"), _labels(Violation, changed)
        record_with_timeline(AuditKind.OBJECT_CHANGED, violation.enterprise, TimelineKind.VIOLATION, title,
                             actor=actor, obj=violation, district=violation.enterprise.district, detail=detail,
                             changed=changed)
    else:
        events.object_changed(actor=actor, obj=violation, changed=changed, district=violation.enterprise.district)
    return violation


@transaction.atomic
def set_supervision_policy(policy: SupervisionPolicy, *, actor) -> SupervisionPolicy:
    """Start a new version of a grade's supervision policy on its effective date. The version in force
    before that date ends the day before; history of earlier versions is kept."""
    if not can(actor, Action.ADD, SupervisionPolicy):
        raise PermissionDenied
    policy.full_clean()
    earlier = (SupervisionPolicy.objects.select_for_update()
               .filter(grade=policy.grade, effective_from__lt=policy.effective_from)
               .order_by("-effective_from").first())
    if SupervisionPolicy.objects.filter(grade=policy.grade, effective_from__gte=policy.effective_from).exists():
        raise RuleRefused(_("A version starting on or after this date exists already."), "effective_from")
    if earlier is not None and (earlier.effective_to is None or earlier.effective_to >= policy.effective_from):
        earlier.effective_to = policy.effective_from - dt.timedelta(days=1)
        earlier._history_user = actor
        earlier.save(update_fields=["effective_to"])
    policy.updated_by = actor
    policy._history_user = actor
    policy.save()
    events.object_created(actor=actor, obj=policy, grade=policy.grade,
                          effective_from=policy.effective_from.isoformat())
    return policy
