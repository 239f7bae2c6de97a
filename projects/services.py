"""Business actions on projects, wage accounts, workers and payroll. Each runs in one transaction, re-checks
the actor's scope after the write, writes its audit event and, where an enterprise is concerned, a line on
its timeline (enterprises.timeline.record_with_timeline). Excel and API submissions live in projects.importers."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from audit import events
from audit.kinds import AuditKind
from enterprises.timeline import record_with_timeline
from kernel.errors import IllegalTransition, RuleRefused
from kernel.fetch import assert_still_in_scope, lock_in_scope
from kernel.masking import may_reveal as may_reveal_role
from kernel.roles import Action, Role

from . import hooks
from .choices import STATUS_TRANSITIONS, AttendanceSource, NoticeBoardItem, PartyRole, ProjectStatus
from .models import (
    AccountMovement,
    Attendance,
    PayrollBatch,
    Project,
    ProjectParty,
    RetentionError,
    WageAccount,
    Worker,
)

__all__ = [
    "add_subcontractor",
    "change_status",
    "confirm_funds",
    "confirm_payroll",
    "delete_payroll_month",
    "may_reveal",
    "record_movement",
    "record_attendance",
    "reveal_id_number",
    "save_project",
    "save_wage_account",
    "update_notice_board",
    "upsert_attendance",
]

TIMELINE_KIND = "project"  # enterprises.choices.TimelineKind.PROJECT


def _record(kind, project, title, *, actor, obj=None, enterprises=None, detail="", **data):
    """The audit event of a project action and its line on the file of each enterprise concerned (client
    and general contractor by default), through the one writer of the pair."""
    record_with_timeline(kind, enterprises or [project.client, project.general_contractor], TIMELINE_KIND, title,
                         actor=actor, obj=obj or project, district=project.district, detail=detail,
                         url=project.get_absolute_url(), **data)


def _sync_main_parties(project):
    """Keep the client and general-contractor rows of the parties (the enterprise scope reads them)."""
    for role, enterprise in ((PartyRole.CLIENT, project.client), (PartyRole.GENERAL_CONTRACTOR,
                                                                     project.general_contractor)):
        ProjectParty.objects.filter(project=project, role=role).exclude(enterprise=enterprise).delete()
        party, created = ProjectParty.objects.get_or_create(
            project=project, role=role, enterprise=enterprise,
            defaults={"contract_amount": project.contract_amount if role == PartyRole.GENERAL_CONTRACTOR else None,
                      "contract_signed_on": project.contract_signed_on})
        if not created and role == PartyRole.GENERAL_CONTRACTOR and (
                party.contract_amount, party.contract_signed_on) != (project.contract_amount,
                                                                      project.contract_signed_on):
            party.contract_amount, party.contract_signed_on = project.contract_amount, project.contract_signed_on
            party.save()


@transaction.atomic
def save_project(project: Project, *, actor, changed: list[str] | None = None) -> Project:
    """Register a project or save changes (the form has validated the shape)."""
    creating = project.pk is None
    project._history_user = actor
    project.save()
    _sync_main_parties(project)
    assert_still_in_scope(project, actor, Action.ADD if creating else Action.CHANGE)
    if creating:
        _record(AuditKind.OBJECT_CREATED, project, _("Project registered: %(name)s") % {"name": project.name},
                actor=actor)
    elif changed:
        events.object_changed(actor=actor, obj=project, changed=changed)
    return project


@transaction.atomic
def change_status(project: Project, status: str, *, actor, on=None) -> Project:
    """Move the project along registered → permit pending → under construction ⇄ suspended → completed →
    wages settled. Settling the wages starts the retention period of the payroll (rules.RETENTION_YEARS)."""
    caller = project
    project = Project.objects.select_for_update().get(pk=project.pk)
    if status not in STATUS_TRANSITIONS[ProjectStatus(project.status)]:
        raise IllegalTransition(_("A project cannot go from %(old)s to %(new)s.") % {
            "old": project.get_status_display(), "new": ProjectStatus(status).label})
    if status == ProjectStatus.UNDER_CONSTRUCTION and project.status == ProjectStatus.PERMIT_PENDING:
        _require_permit_preconditions(project)
    day = on or timezone.localdate()
    old = project.status
    project.status = status
    if status == ProjectStatus.UNDER_CONSTRUCTION and project.actual_start_on is None:
        project.actual_start_on = day
    elif status == ProjectStatus.COMPLETED:
        project.actual_completion_on = project.actual_completion_on or day
    elif status == ProjectStatus.WAGES_SETTLED:
        project.wages_settled_on = day
    project._history_user = actor
    project.save()
    assert_still_in_scope(project, actor, Action.CHANGE)
    for field in ("status", "actual_start_on", "actual_completion_on", "wages_settled_on"):
        setattr(caller, field, getattr(project, field))  # the caller's instance is current too
    _record(AuditKind.PROJECT_STATUS_CHANGED, project, _("Project %(code)s: %(status)s") % {
        "code": project.code, "status": project.get_status_display()}, actor=actor, old=old, new=status)
    return project


def _require_permit_preconditions(project):
    """Construction starts only with every permit precondition met (Decree 724 Arts. 23, 26, 32: funds in
    place, the dedicated wage account, the wage deposit); the refusal names each one missing. Resuming a
    suspended project is not a new start and is not gated."""
    from .permits import eligibility

    result = eligibility(project)
    if not result.eligible:
        raise RuleRefused(_("Construction cannot start: permit preconditions not met: %(missing)s.") % {
            "missing": "; ".join(str(r.label) + (f" ({r.missing_note})" if r.missing_note else "")
                                 for r in result.missing)})


@transaction.atomic
def add_subcontractor(party: ProjectParty, *, actor) -> ProjectParty:
    party.role = PartyRole.SUBCONTRACTOR
    party._history_user = actor
    party.save()
    assert_still_in_scope(party.project, actor, Action.CHANGE)
    _record(AuditKind.OBJECT_CREATED, party.project, _("Subcontractor on %(project)s: %(name)s") % {
        "project": party.project.code, "name": party.enterprise.name}, actor=actor, obj=party,
        enterprises=[party.project.general_contractor, party.enterprise], detail=party.scope_of_work)
    return party


@transaction.atomic
def confirm_funds(project: Project, *, actor, on=None, note: str = "") -> Project:
    """Record that the client's funding is in place (资金落实, Decree 724 Art. 23)."""
    project.funds_confirmed_on = on or timezone.localdate()
    project.funds_note = note
    project._history_user = actor
    project.save(update_fields=["funds_confirmed_on", "funds_note", "updated_at"])
    assert_still_in_scope(project, actor, Action.CHANGE)
    _record(AuditKind.PROJECT_FUNDS_CONFIRMED, project, _("Funding confirmed for %(code)s") % {
        "code": project.code}, actor=actor, enterprises=[project.client], on=str(project.funds_confirmed_on))
    return project


@transaction.atomic
def update_notice_board(project: Project, *, actor, photo=None, items=None) -> Project:
    """A new photo of the rights-information notice board and the contents checked on it (Art. 34)."""
    if photo is not None:
        project.notice_board_photo = photo
    if items is not None:
        project.notice_board_items = [i for i in NoticeBoardItem.values if i in set(items)]
    project.notice_board_updated_on = timezone.localdate()
    project._history_user = actor
    # Only these fields: a stale instance must not write back an old status or dates.
    project.save(update_fields=["notice_board_photo", "notice_board_items", "notice_board_updated_on", "updated_at"])
    assert_still_in_scope(project, actor, Action.CHANGE)
    _record(AuditKind.OBJECT_CHANGED, project, _("Notice board updated on %(code)s") % {"code": project.code},
            actor=actor, enterprises=[project.general_contractor], changed=["notice_board"])
    return project


@transaction.atomic
def save_wage_account(account: WageAccount, *, actor, changed: list[str] | None = None) -> WageAccount:
    """Open (record) or update the project's dedicated wage account. Opening after the 30-day deadline is
    recorded as it happened and flagged (rules.ACCOUNT_OPENING_DAYS); the warnings app acts on it."""
    creating = account.pk is None
    if not account.account_name:
        account.account_name = f"{account.project.general_contractor.name}{account.project.name}农民工工资专用账户"
    account._history_user = actor
    account.save()
    assert_still_in_scope(account, actor, Action.CHANGE)
    project = account.project
    if creating:
        _record(AuditKind.OBJECT_CREATED, project, _("Dedicated wage account opened for %(code)s") % {
            "code": project.code}, actor=actor, obj=account, late=account.opened_late)
    else:
        events.object_changed(actor=actor, obj=account, district=project.district, changed=changed or [])
    return account


@transaction.atomic
def record_movement(movement: AccountMovement, *, actor) -> AccountMovement:
    movement.recorded_by = actor if getattr(actor, "pk", None) else None
    movement._history_user = actor
    movement.save()
    assert_still_in_scope(movement, actor, Action.CHANGE)
    events.object_created(actor=actor, obj=movement, district=movement.account.project.district,
                          kind=movement.kind, amount=str(movement.amount))
    hooks.data_changed("allocation")  # the account rules are evaluated again once this commits
    return movement


@transaction.atomic
def confirm_payroll(batch: PayrollBatch, *, actor) -> PayrollBatch:
    """The labour-wage officer confirms the month's payroll (Decree 724 Art. 28: reviews the payrolls)."""
    batch = lock_in_scope(PayrollBatch.objects.select_related("project"), actor, Action.CHANGE,
                          denied=_("The record would fall outside your scope."), pk=batch.pk)
    if batch.officer_confirmed_at is None:
        batch.officer_confirmed_at = timezone.now()
        batch.officer_confirmed_by = actor
        batch._history_user = actor
        batch.save(update_fields=["officer_confirmed_at", "officer_confirmed_by"])
        _record(AuditKind.PAYROLL_CONFIRMED, batch.project, _("Payroll %(month)s confirmed on %(code)s") % {
            "month": f"{batch.month:%Y-%m}", "code": batch.project.code}, actor=actor, obj=batch,
            enterprises=[batch.project.general_contractor], month=f"{batch.month:%Y-%m}")
    return batch


@transaction.atomic
def delete_payroll_month(batch: PayrollBatch, *, actor) -> None:
    """Refused while the retention period runs (until wages are settled plus 3 years)."""
    batch = lock_in_scope(PayrollBatch.objects.select_related("project__district"), actor, Action.DELETE,
                          denied=_("The record would fall outside your scope."), pk=batch.pk)
    try:
        batch.lines.all().delete()
        batch.delete()
    except RetentionError:
        events.record(AuditKind.PAYROLL_DELETE_REFUSED, actor=actor, obj=batch, success=False,
                      district=batch.project.district)
        raise
    events.record(AuditKind.OBJECT_DELETED, actor=actor, obj=batch, district=batch.project.district)
    hooks.data_changed("payroll")


def may_reveal(user, worker: Worker) -> bool:
    """Inspectors and officials of a district where the worker is employed may read the full ID number."""
    if not may_reveal_role(user):  # the one rule, kernel.masking.REVEAL_ROLES
        return False
    return Worker.objects.visible_to(user).filter(pk=worker.pk).exists()


@transaction.atomic
def reveal_id_number(worker: Worker, *, actor, reason: str) -> str:
    """The full ID number, for an authorised user who gives a reason; every read is audited."""
    reason = (reason or "").strip()
    if not reason:
        raise RuleRefused(_("Give the reason for reading the full number."))
    if not may_reveal(actor, worker):
        events.record(AuditKind.PERSONAL_DATA_REVEAL_REFUSED, actor=actor, obj=worker, success=False, field="id_number")
        raise PermissionDenied
    events.personal_data_revealed(actor=actor, obj=worker, field="id_number", reason=reason)
    return worker.id_number


def is_city_or_district_staff(user) -> bool:
    return user.is_superuser or user.role in Role.city_wide() | Role.district_bound()


# --- attendance -------------------------------------------------------------------------------------------

ATTENDANCE_FIELDS = ["days_on_site", "source", "source_import", "recorded_at", "recorded_by"]
ATTENDANCE_BATCH_SIZE = 5000


def upsert_attendance(rows, *, source, actor, job=None) -> dict:
    """Create or replace [(employment_id, month, days)]; inside the caller's transaction. Rows already on
    file are locked first, so two submissions for one month follow each other. A row whose days are unchanged
    keeps its source and time: sending the same month again changes nothing."""
    user = actor if getattr(actor, "pk", None) else None
    employment_ids = {row[0] for row in rows}
    months = {row[1] for row in rows}
    existing = {(a.employment_id, a.month): a for a in Attendance._base_manager.select_for_update().filter(
        employment_id__in=employment_ids, month__in=months)}
    now = timezone.now()
    created, updated, unchanged = [], [], 0
    for employment_id, month, days in rows:
        record = existing.get((employment_id, month))
        if record is None:
            created.append(Attendance(employment_id=employment_id, month=month, days_on_site=days, source=source,
                                      source_import=job, recorded_at=now, recorded_by=user))
        elif record.days_on_site != days:  # the same days again (a repeated export, a form saved unchanged)
            record.days_on_site, record.source, record.source_import = days, source, job
            record.recorded_at, record.recorded_by = now, user
            updated.append(record)
        else:
            unchanged += 1
    if created:
        bulk_create_with_history(created, Attendance, batch_size=ATTENDANCE_BATCH_SIZE, default_user=user,
                                 default_change_reason="attendance")
    if updated:
        bulk_update_with_history(updated, Attendance, ATTENDANCE_FIELDS, batch_size=ATTENDANCE_BATCH_SIZE,
                                 default_user=user, default_change_reason="attendance replaced",
                                 manager=Attendance._base_manager)
    if created or updated:  # the import, the gate API and the officer's entry all come through here
        hooks.data_changed("attendance")
    return {"created": len(created), "updated": len(updated), "removed": 0, "unchanged": unchanged}


@transaction.atomic
def record_attendance(project: Project, employment_id: int, month, days, *, actor) -> Attendance:
    """The labour officer enters (or corrects) one worker's days on site in a month."""
    if not Project.objects.visible_to(actor, Action.CHANGE).filter(pk=project.pk).exists():
        raise PermissionDenied(_("You may not submit data for this project."))
    if not project.employments.filter(pk=employment_id).exists():
        raise RuleRefused(_("This person is not on the project's roster."), field="employment")
    counts = upsert_attendance([(employment_id, month, days)], source=AttendanceSource.OFFICER, actor=actor)
    record = Attendance.objects.select_related("employment__worker").get(employment_id=employment_id, month=month)
    events.record(AuditKind.ATTENDANCE_RECORDED, actor=actor, obj=record, district=project.district,
                  project=project.code, month=f"{month:%Y-%m}", days=str(days),
                  created=bool(counts["created"]), changed=bool(counts["updated"]))
    return record
