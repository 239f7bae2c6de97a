"""What other apps may read from the deposit register: plain functions answering one set-based question over the
whole city (docs/architecture.md, "One contract between apps"). The early-warning rules read these (each function
says which rule asks); they import this module, never deposits.models, so that the register can change its
tables without touching them. The dates a rule compares with are computed by the rule (working days, periods)
and passed in; the requirement of a deposit is the rate engine's (deposits.rates), never a copy of it.
"""

import datetime as dt
from decimal import Decimal

from django.db.models import Exists, F, OuterRef, Q, Subquery
from django.urls import reverse

from core.duties import Duty
from projects.choices import ProjectStatus
from projects.models import Project

from . import rates
from .choices import Adjustment, DepositStatus, EntryKind
from .models import Deposit, LedgerEntry

__all__ = [
    "guarantee_expiry_duties",
    "guarantees_expiring",
    "late_returns",
    "held_for_construction",
    "projects_without_deposit",
    "topups_due",
    "topups_overdue",
    "unstored_deposits",
]

DONE = [ProjectStatus.COMPLETED, ProjectStatus.WAGES_SETTLED]
PROJECT = ("project_id", "project__code", "project__name", "project__district_id", "enterprise_id")


# --- storing (W02) and the amount held (W03) ----------------------------------------------------------------------


def unstored_deposits(due_before: dt.date) -> list[dict]:
    """W02: deposits of live projects still required (not stored, guaranteed or assessed exempt) whose deadline
    to store (Deposit.due_on, 20 working days from the trigger, 65号 Art. 5) is before the day (one query).
    Rows: pk, the project's fields, trigger, trigger_date, due_on, required_amount."""
    return list(
        Deposit.objects.filter(
            status=DepositStatus.REQUIRED, due_on__lt=due_before, project__status__in=ProjectStatus.live()
        )
        .exclude(adjustment=Adjustment.EXEMPT)
        .order_by("pk")
        .values("pk", *PROJECT, "trigger", "trigger_date", "due_on", "required_amount")
    )


def projects_without_deposit(signed_before: dt.date) -> list[dict]:
    """W02: live projects with no deposit record at all whose construction contract was signed before the day
    (a project records no permit date: without a deposit record the contract starts the clock; one query).
    Rows: pk, code, name, district_id, general_contractor_id, contract_signed_on."""
    return list(
        Project.objects.filter(status__in=ProjectStatus.live(), contract_signed_on__lt=signed_before)
        .exclude(Exists(Deposit.objects.filter(project=OuterRef("pk"))))
        .order_by("pk")
        .values("pk", "code", "name", "district_id", "general_contractor_id", "contract_signed_on")
    )


def held_for_construction(on: dt.date) -> list[dict]:
    """W03: deposits stored in cash or guaranteed on projects not complete, with what is held (the ledger balance;
    for a guarantee its amount), the requirement assessed (Deposit.required_amount) and the requirement the rate
    engine gives on the day under the policy in force, with the contractor's record then (deposits.rates, facts
    gathered for all deposits at once: a fixed number of queries). Rows: pk, the project's fields, form, held,
    required_amount, rate, assessed_on, required_now and rate_now (None when no rate policy is in force)."""
    deposits = list(
        Deposit.objects.filter(status__in=[DepositStatus.STORED, DepositStatus.GUARANTEED])
        .exclude(project__status__in=DONE)
        .with_balance()
        .select_related("project__general_contractor")
        .order_by("pk")
    )
    if not deposits:
        return []
    try:
        policy = rates.policy_for(on)
    except LookupError:
        policy = None
    results = {}
    if policy is not None:
        annual = {d.project_id: _decimal((d.rate_inputs or {}).get("annual_amount")) for d in deposits}
        inputs = rates.inputs_for_projects([d.project for d in deposits], on, annual_amounts=annual)
        results = {pk: rates.assess(policy, facts) for pk, facts in inputs.items()}
    rows = []
    for d in deposits:
        now = results.get(d.project_id)
        rows.append(
            {
                "pk": d.pk,
                "project_id": d.project_id,
                "project__code": d.project.code,
                "project__name": d.project.name,
                "project__district_id": d.project.district_id,
                "enterprise_id": d.enterprise_id,
                "form": d.form,
                "held": d.guarantee_amount if d.is_guarantee else d.held,
                "required_amount": d.required_amount,
                "rate": d.rate,
                "assessed_on": d.assessed_on,
                "required_now": now.required_amount if now else None,
                "rate_now": now.rate if now else None,
            }
        )
    return rows


def _decimal(value) -> Decimal | None:
    return Decimal(value) if value not in (None, "") else None


# --- guarantees (W04) ------------------------------------------------------------------------------------------


def guarantees_expiring(on: dt.date) -> list[dict]:
    """W04: guarantees held that end within the reminder month (65号 Art. 17, DepositQuerySet.expiring) or have
    ended, on projects not complete (one query). Rows: pk, the project's fields, form, guarantor, valid_until,
    guarantee_amount."""
    return list(
        Deposit.objects.expiring(on)
        .exclude(project__status__in=DONE)
        .order_by("pk")
        .values("pk", *PROJECT, "form", "guarantor", "valid_until", "guarantee_amount")
    )


# --- draw-down and top-up (W05) ----------------------------------------------------------------------------------


def topups_overdue(due_before: dt.date) -> list[dict]:
    """W05: deposits drawn on and not restored by their top-up deadline (Deposit.topup_due_on, 10 working days
    after the use, 65号 Art. 14) before the day (one query). Rows: pk, the project's fields, topup_due_on,
    drawn_on and drawn_amount (the latest draw), held, required_amount."""
    last_draw = LedgerEntry.objects.filter(deposit=OuterRef("pk"), kind=EntryKind.DRAWN).order_by("-seq")
    return list(
        Deposit.objects.filter(status=DepositStatus.TOPUP_DUE, topup_due_on__lt=due_before)
        .with_balance()
        .annotate(
            drawn_on=Subquery(last_draw.values("occurred_on")[:1]),
            drawn_amount=Subquery(last_draw.values("amount")[:1]),
        )
        .order_by("pk")
        .values("pk", *PROJECT, "topup_due_on", "drawn_on", "drawn_amount", "held", "required_amount")
    )


# --- return (W25) ------------------------------------------------------------------------------------------------


def late_returns(on: dt.date, completed_before: dt.date) -> list[dict]:
    """W25: deposits whose return is late on the day (one query; 65号 Art. 22), each row with its `stage`:

    - "review": an application under review past its review deadline (Deposit.review_due_on), not reviewed;
    - "confirmation": reviewed, the confirmation not issued by its deadline (Deposit.confirmation_due_on);
    - "cleanup": the project completed before `completed_before`, the deposit still held, no application
      under review.

    Rows: pk, the project's fields, stage, status, applied_on, review_due_on, reviewed_on, confirmation_due_on,
    project__actual_completion_on, held."""
    in_review = Q(status=DepositStatus.RETURN_REVIEW)
    review = in_review & Q(review_due_on__lt=on) & (Q(reviewed_on__isnull=True) | Q(reviewed_on__lt=F("applied_on")))
    confirmation = in_review & Q(confirmation_due_on__lt=on, reviewed_on__gte=F("applied_on"))
    cleanup = (
        Q(status__in=DepositStatus.held(), project__status__in=DONE, project__actual_completion_on__lt=completed_before)
        & ~in_review
    )
    rows = (
        Deposit.objects.filter(review | confirmation | cleanup)
        .with_balance()
        .order_by("pk")
        .values(
            "pk",
            *PROJECT,
            "status",
            "applied_on",
            "review_due_on",
            "reviewed_on",
            "confirmation_due_on",
            "project__actual_completion_on",
            "held",
        )
    )
    result = []
    for row in rows:
        if row["status"] != DepositStatus.RETURN_REVIEW:
            stage = "cleanup"
        elif row["reviewed_on"] is not None and row["reviewed_on"] >= row["applied_on"]:
            stage = "confirmation"
        else:
            stage = "review"
        result.append({**row, "stage": stage})
    return result


# --- dated duties for the deadline reminders ---------------------------------------------------------------------


def _duties(deposits, date_field: str) -> list[Duty]:
    rows = deposits.values_list("pk", "project__name", "project__district_id", date_field, "enterprise_id")
    return [
        Duty(pk, name, district_id, due_on, reverse("deposits:detail", args=[pk]), enterprise_id)
        for pk, name, district_id, due_on, enterprise_id in rows
    ]


def topups_due(due_by: dt.date) -> list[Duty]:
    """Reminders: deposits drawn on and to be topped up (65号 Art. 14) by a day on or before `due_by` (one query)."""
    return _duties(Deposit.objects.filter(status=DepositStatus.TOPUP_DUE, topup_due_on__lte=due_by), "topup_due_on")


def guarantee_expiry_duties(today: dt.date) -> list[Duty]:
    """Reminders: guarantees held that end within the reminder period of 65号 Art. 17 (Deposit.objects.expiring)."""
    return _duties(Deposit.objects.expiring(today), "valid_until")
