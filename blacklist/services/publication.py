"""Publication of major labour-security violations (重大劳动保障违法行为社会公布, 人社部令第29号; domain.md §5.2):
closed cases of the published categories are gathered into a quarterly batch, reviewed (items edited or
left out, with a reason), then approved and published by a second person. The published content is the
29号 list — name, credit code, address, legal representative, facts, handling — never workers' data."""

import datetime as dt

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from audit import events
from audit.kinds import AuditKind
from cases import facts as case_facts
from cases.choices import CaseOutcome
from core.formats import yuan
from enterprises.timeline import file_language
from kernel.errors import IllegalTransition, RuleRefused
from kernel.fetch import lock_in_scope
from kernel.roles import Action
from kernel.scoping import can

from .. import rules
from ..choices import BatchStatus
from ..models import PublicationBatch, PublishedViolation
from .common import policy, record, save

__all__ = ["candidates", "edit_item", "exclude_item", "gather_batch", "publish_batch", "withdraw_batch"]


def candidates(start: dt.date, end: dt.date, district=None):
    """[(case, categories)] of cases closed in [start, end] that 29号 Art. 5 requires to be published and
    that no live publication holds yet."""
    terms = policy(end)
    published = PublishedViolation.objects.filter(excluded=False, withdrawn_at__isnull=True).values("case_id")
    cases = case_facts.closed_cases_for_publication(start, end, exclude_ids=published, district=district)
    found = []
    for case in cases:
        categories = rules.publication_categories(
            unpaid_or_owed=case.amount_owed, transferred=case.has_transfer or case.outcome == CaseOutcome.TRANSFERRED,
            mass_incident=case.has_incident, min_amount=terms.publication_min_amount)
        if categories:
            found.append((case, categories))
    return found


def _facts(case) -> str:
    return _("Owed %(n)d workers wages of %(amount)s (case %(case)s, filed %(day)s).") % {
        "n": case.workers_owed, "amount": yuan(case.amount_owed), "case": case.number,
        "day": f"{case.filed_on:%Y-%m-%d}"}


def _handling(case) -> str:
    text = _("%(outcome)s; wages recovered %(recovered)s; closed %(day)s.") % {
        "outcome": CaseOutcome(case.outcome).label if case.outcome else "",
        "recovered": yuan(case.recovered_amount), "day": f"{case.closed_on:%Y-%m-%d}"}
    if case.has_transfer:
        text += " " + _("Transferred to the public security organs.")
    return text


@transaction.atomic
def gather_batch(*, actor, day: dt.date, district=None) -> PublicationBatch:
    """A draft batch for the quarter containing `day` (29号: county and prefecture bureaus publish quarterly).
    District staff gather their district's batch; city staff the city's (district=None) or any district's."""
    if not can(actor, Action.ADD, PublicationBatch):
        raise PermissionDenied(_("You may not gather publication batches."))
    if not actor.is_city_wide and (district is None or district.pk != actor.district_id):
        raise PermissionDenied(_("You gather your own district's batch."))
    start, end, label = rules.quarter_of(day)
    if PublicationBatch.objects.filter(period=label, district=district).exclude(status=BatchStatus.WITHDRAWN).exists():
        raise IllegalTransition(_("A batch for %(period)s exists already.") % {"period": label})
    batch = save(PublicationBatch(period=label, period_start=start, period_end=end, district=district,
                                  created_by=actor), actor)
    with file_language():
        for case, categories in candidates(start, end, district):
            enterprise = case.enterprise
            save(PublishedViolation(
                batch=batch, case=case, enterprise=enterprise, district=case.district, categories=categories,
                enterprise_name=enterprise.name if enterprise else case.employer_name,
                credit_code=enterprise.credit_code if enterprise else "",
                address=enterprise.address if enterprise else "",
                legal_representative=enterprise.legal_representative if enterprise else "",
                facts=_facts(case), handling=_handling(case)), actor)
    events.record(AuditKind.PUBLICATION_BATCH_GATHERED, actor=actor, obj=batch, district=district, period=label,
                  items=batch.items.count())
    return batch


def _draft_item(item, actor):
    item = lock_in_scope(PublishedViolation.objects.select_related("batch"), actor, Action.CHANGE,
                         denied=_("You may not change this item."), pk=item.pk)
    if item.batch.status != BatchStatus.DRAFT:
        raise IllegalTransition(_("Only a draft batch is edited."))
    return item


@transaction.atomic
def edit_item(item, *, actor, facts: str, handling: str) -> PublishedViolation:
    """Reviewers correct the published wording (no names or numbers of workers)."""
    item = _draft_item(item, actor)
    if not facts.strip() or not handling.strip():
        raise RuleRefused(_("Facts and handling are both published: give both."), "facts")
    item.facts, item.handling = facts.strip(), handling.strip()
    save(item, actor)
    events.record(AuditKind.PUBLICATION_ITEM_EDITED, actor=actor, obj=item, district=item.district)
    return item


@transaction.atomic
def exclude_item(item, *, actor, reason: str) -> PublishedViolation:
    """Leave an item out of the batch (for example a case under review), with the reason."""
    item = _draft_item(item, actor)
    if not reason.strip():
        raise RuleRefused(_("Give the reason."), "reason")
    item.excluded, item.exclusion_reason = True, reason.strip()[:255]
    save(item, actor)
    events.record(AuditKind.PUBLICATION_ITEM_EXCLUDED, actor=actor, obj=item, district=item.district,
                  reason=item.exclusion_reason)
    return item


def _lock_batch(batch, actor, action):
    return lock_in_scope(PublicationBatch, actor, action, denied=_("You may not change this batch."), pk=batch.pk)


@transaction.atomic
def publish_batch(batch, *, actor) -> PublicationBatch:
    """Approve and publish: by a second person with approval rights. Each published item goes on the
    enterprise's file (29号: the integrity file)."""
    batch = _lock_batch(batch, actor, Action.APPROVE)
    if batch.status != BatchStatus.DRAFT:
        raise IllegalTransition(_("Only a draft batch is published."))
    if batch.created_by_id == actor.pk:
        raise PermissionDenied(_("Publishing needs a second person: you gathered this batch yourself."))
    batch.status, batch.published_by, batch.published_at = BatchStatus.PUBLISHED, actor, timezone.now()
    save(batch, actor)
    events.record(AuditKind.PUBLICATION_BATCH_PUBLISHED, actor=actor, obj=batch, district=batch.district,
                  period=batch.period)
    for item in batch.items.filter(excluded=False).select_related("enterprise", "district"):
        if item.enterprise_id:
            record(AuditKind.MAJOR_VIOLATION_PUBLISHED, item, actor=actor,
                   title=_("Published as a major labour-security violation (%(period)s)") % {"period": batch.period},
                   detail=item.facts)
    return batch


@transaction.atomic
def withdraw_batch(batch, *, actor, reason: str) -> PublicationBatch:
    """Take a published batch down (for example after a court revoked a decision), with the reason."""
    batch = _lock_batch(batch, actor, Action.APPROVE)
    if batch.status != BatchStatus.PUBLISHED:
        raise IllegalTransition(_("Only a published batch is withdrawn."))
    if not reason.strip():
        raise RuleRefused(_("Give the reason."), "reason")
    now = timezone.now()
    batch.status, batch.withdrawn_at = BatchStatus.WITHDRAWN, now
    batch.note = f"{batch.note}\n{reason.strip()}".strip()
    save(batch, actor)
    for item in batch.items.filter(withdrawn_at__isnull=True):
        item.withdrawn_at = now
        save(item, actor)
    events.record(AuditKind.PUBLICATION_BATCH_WITHDRAWN, actor=actor, obj=batch, district=batch.district,
                  reason=reason.strip()[:200])
    return batch
