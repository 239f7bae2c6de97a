"""What other apps may read from projects, wage accounts, workers, attendance and payroll: plain functions
answering one set-based question over the whole city (docs/architecture.md, "One contract between apps").
The early-warning rules read these; each function says which rule asks.
"""

import datetime as dt

from django.db.models import Exists, Max, OuterRef, Q
from django.db.models.functions import TruncDate

from core.aggregates import MoneySum

from .choices import MovementKind, ProjectStatus
from .models import Project, WageAccount

# Projects past construction: completed, or wages settled too.
DONE = [ProjectStatus.COMPLETED, ProjectStatus.WAGES_SETTLED]
PROJECT_FIELDS = ("code", "name", "district_id", "general_contractor_id")


# --- attendance and pay (W09, W10, W14, W17) ---------------------------------------------------------------


# --- accounts, allocations, payroll and site duties (W06–W08, W11–W13, W15, W16) ---------------------------


# --- account opening and closing (W01, W26) -----------------------------------------------------------------

def projects_without_account(signed_before: dt.date) -> list[dict]:
    """W01: projects not complete whose construction contract was signed before the day and that have no open
    dedicated wage account (one query). Rows: pk, code, name, district_id, general_contractor_id,
    contract_signed_on."""
    open_account = WageAccount.objects.filter(project=OuterRef("pk"), closed_on__isnull=True)
    return list(Project.objects.filter(contract_signed_on__lt=signed_before).exclude(status__in=DONE)
                .exclude(Exists(open_account)).order_by("pk").values("pk", *PROJECT_FIELDS, "contract_signed_on"))


def idle_accounts_after_completion(completed_before: dt.date, idle_since: dt.date) -> list[dict]:
    """W26: open dedicated accounts of projects completed before `completed_before` with no movement on or after
    `idle_since` (one query). Rows: pk (the account), project_id, the project's fields, actual_completion_on,
    last_movement_on (None: never used) and balance."""
    return list(WageAccount.objects.filter(closed_on__isnull=True, project__status__in=DONE,
                                           project__actual_completion_on__lt=completed_before)
                .annotate(last_movement_on=Max("movements__occurred_on"),
                          credits=MoneySum("movements__amount", filter=Q(movements__kind__in=MovementKind.credits())),
                          debits=MoneySum("movements__amount", filter=~Q(movements__kind__in=MovementKind.credits())))
                .filter(Q(last_movement_on__isnull=True) | Q(last_movement_on__lt=idle_since)).order_by("pk")
                .values("pk", "project_id", *(f"project__{f}" for f in PROJECT_FIELDS), "project__actual_completion_on",
                        "last_movement_on", "credits", "debits"))


def accounts_closed_since(closed_since: dt.date) -> list[dict]:
    """W26: dedicated accounts closed on or after the day, with their project's completion (one query). Rows:
    pk, project_id, the project's fields, project__status, project__actual_completion_on, opened_on, closed_on."""
    return list(WageAccount.objects.filter(closed_on__gte=closed_since).order_by("pk")
                .values("pk", "project_id", *(f"project__{f}" for f in PROJECT_FIELDS), "project__status",
                        "project__actual_completion_on", "opened_on", "closed_on"))


# --- registration (W23) -------------------------------------------------------------------------------------

def projects_registered_since(start: dt.date) -> list[dict]:
    """W23: live projects registered on the platform on or after the day (local date; one query). Rows: pk, code,
    name, district_id, general_contractor_id, registered_on."""
    return list(Project.objects.filter(created_at__date__gte=start, status__in=ProjectStatus.live())
                .annotate(registered_on=TruncDate("created_at")).order_by("pk")
                .values("pk", *PROJECT_FIELDS, "registered_on"))
