"""Business actions on one deposit. Each runs in one transaction, locks the deposit row, writes the ledger,
an audit event and a line on the contractor's timeline (house style §2 rule 4)."""

import datetime as dt
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from audit.kinds import AuditKind
from core import periods
from core.formats import money, percent, yuan
from core.workdays import WorkdayCalendar
from enterprises.timeline import record_with_timeline
from kernel.errors import IllegalTransition, RuleRefused
from kernel.fetch import lock_in_scope
from kernel.roles import Action
from kernel.scoping import can
from projects.choices import ProjectStatus
from projects.models import Project

from .. import rates
from ..choices import (
    GUARANTEE_MIN_YEARS,
    RETURN_CONFIRM_WORKDAYS,
    RETURN_PUBLICITY_DAYS,
    RETURN_REVIEW_WORKDAYS,
    STORE_WORKDAYS,
    DepositForm,
    DepositStatus,
    EntryKind,
    TriggerKind,
)
from ..models import Deposit, LedgerEntry
from .ledger import append, two_places

TIMELINE_KIND = "deposit"  # enterprises.choices.TimelineKind gets DEPOSIT from the lead (see the report)


def today() -> dt.date:
    return timezone.localdate()


def locked(deposit, actor, action=Action.CHANGE) -> Deposit:
    """The deposit row, locked, if the actor may act on it; PermissionDenied otherwise."""
    return lock_in_scope(Deposit.objects.select_related("project__district", "enterprise"), actor, action,
                         pk=deposit.pk)


def book(deposit, kind, amount, *, actor, key=None, on=None, noted=None, memo="", **fields):
    return append(deposit.entries.all(), LedgerEntry, "deposit", deposit, kind=kind, amount=amount, key=key,
                  actor=actor, occurred_on=on or today(), noted_amount=noted, memo=memo[:255], **fields)


def log(deposit, event: AuditKind, title, *, actor, detail="", **data):
    """A deposit action through the one audit + timeline writer (the deposit's timeline kind and link; the
    project is part of every deposit event's audit detail)."""
    record_with_timeline(event, deposit.enterprise, TIMELINE_KIND, title, actor=actor, obj=deposit,
                         district=deposit.project.district, detail=detail, url=deposit.get_absolute_url(),
                         project=deposit.project_id, **data)


def save(deposit, actor):
    deposit._history_user = actor
    deposit.save()


def held_status(deposit) -> str:
    return DepositStatus.GUARANTEED if deposit.is_guarantee else DepositStatus.STORED


@transaction.atomic
def assess_deposit(project, *, actor, trigger=TriggerKind.PERMIT, trigger_date=None, annual_amount=None,
                   on=None, jurisdiction=None) -> Deposit:
    """Assess (or, while nothing is stored yet, re-assess) the project's deposit under the policy in force,
    and set the storing deadline: 20 working days after the trigger date (65号 Art. 5)."""

    if not _may(actor, Action.ADD) or not Project.objects.visible_to(actor).filter(pk=project.pk).exists():
        raise PermissionDenied
    on = on or today()
    trigger_date = trigger_date or on
    # The explanation is a record (and goes into the Chinese notice): written in the site language, whoever
    # clicked, not in the language of the request.
    with translation.override(settings.LANGUAGE_CODE):
        result, inputs = rates.assess_project(project, on, annual_amount=annual_amount, jurisdiction=jurisdiction)
    deposit = Deposit.objects.select_for_update().filter(project=project).first()
    if deposit is not None:
        check_reassess(actor, deposit)
    deposit = deposit or Deposit(project=project)
    deposit.enterprise = project.general_contractor
    deposit.policy = result.policy
    deposit.assessed_on = on
    deposit.base_amount = money(result.base_amount)
    deposit.rate = result.rate
    deposit.standard_amount = result.standard_amount
    deposit.required_amount = result.required_amount
    deposit.adjustment = result.adjustment
    deposit.explanation = result.explanation()
    deposit.rate_inputs = inputs.as_dict()
    deposit.trigger, deposit.trigger_date = trigger, trigger_date
    deposit.due_on = WorkdayCalendar().add_workdays(trigger_date, STORE_WORKDAYS)
    deposit.status = DepositStatus.REQUIRED
    if deposit.form == DepositForm.EXEMPTION:
        deposit.form, deposit.exemption_basis = "", ""
    save(deposit, actor)
    book(deposit, EntryKind.ASSESSED, 0, actor=actor, on=on, noted=result.required_amount,
         memo=f"{result.policy.name} {percent(result.rate)}")
    log(deposit, AuditKind.DEPOSIT_ASSESSED, _("Wage deposit assessed: %(amount)s at %(rate)s")
        % {"amount": yuan(result.required_amount), "rate": percent(result.rate)}, actor=actor,
        detail="\n".join(line.text for line in result.lines), required=str(result.required_amount),
        rate=str(result.rate), adjustment=result.adjustment, policy=result.policy.code)
    return deposit


def _may(actor, action) -> bool:

    return can(actor, action, Deposit)


def _require(condition, message):
    if not condition:
        raise RuleRefused(message)


def _state(condition, message):
    """A precondition on the deposit's state (the action is not open in this state)."""
    if not condition:
        raise IllegalTransition(message)


# The preconditions of each action, asked by the service (on the locked row) and by the deposit page's
# action panel (deposits.views.actions), so that a button shows only when the action can be taken.


def check_reassess(actor, deposit) -> None:
    _state(deposit.status in (DepositStatus.REQUIRED, DepositStatus.EXEMPT),
           _("The deposit is already stored or guaranteed; it is not re-assessed."))
    _state(not deposit.entries.filter(kind__in=EntryKind.credits()).exists(),
           _("Money has been received; reverse it before re-assessing."))


def check_record_cash(actor, deposit) -> None:
    _state(deposit.status in (DepositStatus.REQUIRED, DepositStatus.STORED) and deposit.form in ("", "cash"),
           _("Cash can be recorded only on a required or cash deposit."))


def check_record_guarantee(actor, deposit) -> None:
    _state(deposit.status == DepositStatus.REQUIRED and deposit.form in ("", *DepositForm.guarantees()),
           _("A guarantee can be recorded only while the deposit is required."))


def check_record_exemption(actor, deposit) -> None:
    _state(deposit.status == DepositStatus.REQUIRED and deposit.adjustment == "exempt",
           _("Only a deposit assessed as exempt can be recorded as exempt."))


def check_record_topup(actor, deposit) -> None:
    _state(deposit.status == DepositStatus.TOPUP_DUE, _("No top-up is due."))


def check_withdraw_interest(actor, deposit) -> None:
    _state(deposit.form == DepositForm.CASH and deposit.status in DepositStatus.held(),
           _("Interest is withdrawn only from a cash deposit held."))


def check_renew_guarantee(actor, deposit) -> None:
    _state(deposit.is_guarantee and deposit.status in DepositStatus.held(), _("No guarantee is held."))


def check_start_return(actor, deposit) -> None:
    _state(deposit.status in (DepositStatus.STORED, DepositStatus.GUARANTEED),
           _("Only a deposit stored or guaranteed can be returned."))
    _require(deposit.project.status in (ProjectStatus.COMPLETED, ProjectStatus.WAGES_SETTLED),
             _("The project is not complete."))


def check_apply_return(actor, deposit) -> None:
    _state(deposit.status == DepositStatus.RETURN_PUBLICITY, _("The public notice has not started."))


def check_refuse_return(actor, deposit) -> None:
    _state(deposit.status == DepositStatus.RETURN_REVIEW, _("No return is under review."))


def check_reverse_entry(actor, deposit) -> None:
    _state(deposit.entries.exists(), _("There is no entry to correct."))


@transaction.atomic
def record_cash(deposit, *, actor, amount, bank_name, account_number, received_on=None, key=None) -> Deposit:
    """Cash received in the supervised account. Stored once the balance reaches the required amount."""
    deposit = locked(deposit, actor)
    check_record_cash(actor, deposit)
    amount = two_places(amount)
    _require(amount > 0, _("The amount must be positive."))
    entry, created = book(deposit, EntryKind.RECEIVED, amount, actor=actor, key=key, on=received_on,
                          memo=f"{bank_name} {account_number}")
    if not created:
        return deposit
    deposit.form, deposit.bank_name, deposit.account_number = DepositForm.CASH, bank_name, account_number
    if entry.balance_after >= deposit.required_amount:
        deposit.status = DepositStatus.STORED
        deposit.stored_on = deposit.stored_on or entry.occurred_on
    save(deposit, actor)
    log(deposit, AuditKind.DEPOSIT_RECEIVED, _("Wage deposit received: %(amount)s") % {"amount": yuan(amount)},
        actor=actor, amount=str(amount), balance=str(entry.balance_after))
    return deposit


def check_guarantee(deposit, *, amount, valid_from, valid_until, original_held):
    """65号 Arts. 15–17: amount ≥ the cash deposit required; valid ≥ 1 year and through construction;
    the original held by the bureau."""
    errors = {}
    if amount < deposit.required_amount:
        errors["amount"] = _("The guarantee must cover at least the required %(amount)s.") % {
            "amount": yuan(deposit.required_amount)}
    if valid_until < periods.period_end(valid_from, years=GUARANTEE_MIN_YEARS):
        errors["valid_until"] = _("A guarantee is valid for at least %(years)d year(s).") % {
            "years": GUARANTEE_MIN_YEARS}
    completion = deposit.project.planned_completion_on
    if completion and valid_until < completion:
        errors["valid_until"] = _("The guarantee must cover the construction period (until %(day)s).") % {
            "day": completion.isoformat()}
    if not original_held:
        errors["original_held"] = _("The bureau must hold the original.")
    if errors:
        raise RuleRefused(fields=errors)


@transaction.atomic
def record_guarantee(deposit, *, actor, form, guarantor, number, amount, valid_from, valid_until,
                     original_held, key=None) -> Deposit:
    """A bank guarantee or guarantee insurance replaces the cash (65号 Arts. 8, 15–17)."""
    deposit = locked(deposit, actor)
    check_record_guarantee(actor, deposit)
    _require(form in DepositForm.guarantees(), _("Choose a bank guarantee or guarantee insurance."))
    amount = two_places(amount)
    check_guarantee(deposit, amount=amount, valid_from=valid_from, valid_until=valid_until,
                    original_held=original_held)
    entry, created = book(deposit, EntryKind.RECEIVED, amount, actor=actor, key=key, on=valid_from,
                          memo=f"{guarantor} {number}")
    if not created:
        return deposit
    deposit.form, deposit.guarantor, deposit.guarantee_number = form, guarantor, number
    deposit.guarantee_amount, deposit.valid_from, deposit.valid_until = amount, valid_from, valid_until
    deposit.original_held = original_held
    deposit.expiry_reminder_on, deposit.expiry_reminded_on = Deposit.reminder_date(valid_until), None
    deposit.status, deposit.stored_on = DepositStatus.GUARANTEED, min(today(), valid_from)
    save(deposit, actor)
    log(deposit, AuditKind.DEPOSIT_GUARANTEED, _("Wage deposit guaranteed: %(amount)s by %(guarantor)s until %(day)s")
        % {"amount": yuan(amount), "guarantor": guarantor, "day": valid_until.isoformat()}, actor=actor,
        amount=str(amount), number=number, valid_until=valid_until.isoformat())
    return deposit


@transaction.atomic
def record_exemption(deposit, *, actor, basis="") -> Deposit:
    """Record the exemption the assessment granted, with its legal basis (65号 Arts. 11–12)."""
    deposit = locked(deposit, actor)
    check_record_exemption(actor, deposit)
    cited = [f"{line['text']} ({line['citation']})" for line in deposit.explanation
             if line["code"].endswith("_exempt")]
    deposit.form, deposit.status = DepositForm.EXEMPTION, DepositStatus.EXEMPT
    deposit.exemption_basis = "\n".join([*cited, basis.strip()]).strip()
    deposit.stored_on = today()
    save(deposit, actor)
    log(deposit, AuditKind.DEPOSIT_EXEMPTED, _("Wage deposit exemption recorded"), actor=actor,
        detail=deposit.exemption_basis)
    return deposit


@transaction.atomic
def record_topup(deposit, *, actor, amount, received_on=None, memo="", key=None) -> Deposit:
    """The contractor restores the deposit after a draw (65号 Art. 14: within 10 working days)."""
    deposit = locked(deposit, actor)
    check_record_topup(actor, deposit)
    amount = two_places(amount)
    _require(amount > 0, _("The amount must be positive."))
    entry, created = book(deposit, EntryKind.TOPUP_RECEIVED, amount, actor=actor, key=key, on=received_on,
                          memo=memo)
    if not created:
        return deposit
    if entry.balance_after >= deposit.required_amount:
        deposit.status, deposit.topup_due_on = held_status(deposit), None
    save(deposit, actor)
    log(deposit, AuditKind.DEPOSIT_TOPPED_UP, _("Wage deposit topped up: %(amount)s") % {"amount": yuan(amount)},
        actor=actor, amount=str(amount), balance=str(entry.balance_after))
    return deposit


@transaction.atomic
def withdraw_interest(deposit, *, actor, amount, on=None, key=None) -> LedgerEntry:
    """Interest belongs to the contractor, who may take it out freely (65号 Art. 14); the principal stays."""
    deposit = locked(deposit, actor)
    check_withdraw_interest(actor, deposit)
    amount = two_places(amount)
    _require(amount > 0, _("The amount must be positive."))
    entry, created = book(deposit, EntryKind.INTEREST_WITHDRAWN, 0, actor=actor, key=key, on=on, noted=amount)
    if created:
        log(deposit, AuditKind.DEPOSIT_INTEREST_WITHDRAWN, _("Deposit interest withdrawn: %(amount)s")
            % {"amount": yuan(amount)}, actor=actor, amount=str(amount))
    return entry


@transaction.atomic
def renew_guarantee(deposit, *, actor, number, valid_until) -> Deposit:
    """A renewed or extended guarantee (65号 Art. 17); the expiry reminder starts over."""
    deposit = locked(deposit, actor)
    check_renew_guarantee(actor, deposit)
    _require(valid_until > (deposit.valid_until or valid_until), _("The new end must be later than the current one."))
    deposit.guarantee_number, deposit.valid_until = number or deposit.guarantee_number, valid_until
    deposit.expiry_reminder_on, deposit.expiry_reminded_on = Deposit.reminder_date(valid_until), None
    save(deposit, actor)
    log(deposit, AuditKind.DEPOSIT_GUARANTEE_RENEWED,
        _("Guarantee renewed until %(day)s") % {"day": valid_until.isoformat()}, actor=actor,
        number=deposit.guarantee_number, valid_until=valid_until.isoformat())
    return deposit


@transaction.atomic
def start_return(deposit, *, actor, commitment_on, publicity_from) -> Deposit:
    """Completion, the written no-arrears commitment, then 30 days of public notice (65号 Art. 22)."""

    deposit = locked(deposit, actor)
    check_start_return(actor, deposit)
    deposit.commitment_on, deposit.publicity_from = commitment_on, publicity_from
    deposit.publicity_until = periods.period_end(publicity_from, days=RETURN_PUBLICITY_DAYS)
    deposit.status, deposit.refusal_reason = DepositStatus.RETURN_PUBLICITY, ""
    save(deposit, actor)
    log(deposit, AuditKind.DEPOSIT_RETURN_PUBLICISED, _("Deposit return: public notice until %(day)s")
        % {"day": deposit.publicity_until.isoformat()}, actor=actor)
    return deposit


@transaction.atomic
def apply_return(deposit, *, actor, applied_on=None) -> Deposit:
    """The written application after the notice; review within 5 working days (65号 Art. 22)."""
    deposit = locked(deposit, actor)
    applied_on = applied_on or today()
    check_apply_return(actor, deposit)
    _require(applied_on >= deposit.publicity_until, _("The %(days)d days of public notice end on %(day)s.")
             % {"days": RETURN_PUBLICITY_DAYS, "day": deposit.publicity_until.isoformat()})
    deposit.applied_on, deposit.status = applied_on, DepositStatus.RETURN_REVIEW
    deposit.review_due_on = WorkdayCalendar().add_workdays(applied_on, RETURN_REVIEW_WORKDAYS)
    save(deposit, actor)
    log(deposit, AuditKind.DEPOSIT_RETURN_APPLIED, _("Deposit return applied for; review due by %(day)s")
        % {"day": deposit.review_due_on.isoformat()}, actor=actor)
    return deposit


@transaction.atomic
def refuse_return(deposit, *, actor, reason) -> Deposit:
    """Review found arrears: a written refusal naming them within 3 working days (65号 Art. 22)."""
    deposit = locked(deposit, actor)
    check_refuse_return(actor, deposit)
    _require(reason.strip(), _("Name the arrears found."))
    deposit.reviewed_on = today()
    deposit.refusal_reason, deposit.status = reason.strip(), held_status(deposit)
    save(deposit, actor)
    log(deposit, AuditKind.DEPOSIT_RETURN_REFUSED, _("Deposit return refused: arrears found"), actor=actor,
        detail=deposit.refusal_reason)
    return deposit


def mark_reviewed(deposit, on):
    deposit.reviewed_on = on
    deposit.confirmation_due_on = WorkdayCalendar().add_workdays(on, RETURN_CONFIRM_WORKDAYS)


@transaction.atomic
def reverse_entry(entry, *, actor, reason, key=None) -> LedgerEntry:
    """Correct a booking with its mirror image; the original stays (peers.md P32)."""
    deposit = locked(entry.deposit, actor)
    _require(reason.strip(), _("Give the reason for the correction."))
    _require(entry.kind != EntryKind.REVERSAL and not LedgerEntry.objects.filter(reverses=entry).exists(),
             _("This entry cannot be reversed (again)."))
    noted = -entry.noted_amount if entry.noted_amount is not None else None
    reversal, created = book(deposit, EntryKind.REVERSAL, -entry.amount, actor=actor, key=key, noted=noted,
                             memo=reason, reverses=entry)
    if created:
        if deposit.status in (DepositStatus.STORED, DepositStatus.GUARANTEED) \
                and reversal.balance_after < deposit.required_amount:
            deposit.status = DepositStatus.REQUIRED
            save(deposit, actor)
        log(deposit, AuditKind.DEPOSIT_ENTRY_REVERSED, _("Deposit ledger entry #%(seq)d reversed") % {"seq": entry.seq},
            actor=actor, detail=reason, entry=entry.pk, amount=str(-entry.amount))
    return reversal


def balance_check(deposit) -> tuple[Decimal, Decimal | None]:
    """(sum of the ledger, running balance of the last entry): equal unless something bypassed the ledger."""
    last = deposit.entries.order_by("-seq").values_list("balance_after", flat=True).first()
    return deposit.balance, last
