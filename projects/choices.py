"""Choices of the projects app (construction projects, wage accounts, workers, payroll)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ProjectKind(models.TextChoices):
    HOUSING = "housing", _("Housing and buildings")
    MUNICIPAL = "municipal", _("Municipal works")
    TRANSPORT = "transport", _("Transport")
    WATER = "water", _("Water works")
    ENERGY = "energy", _("Energy")
    OTHER = "other", _("Other works")


class ProjectStatus(models.TextChoices):
    """registered → permit pending → under construction ⇄ suspended → completed → wages settled."""

    REGISTERED = "registered", _("Registered")
    PERMIT_PENDING = "permit_pending", _("Permit pending")
    UNDER_CONSTRUCTION = "under_construction", _("Under construction")
    SUSPENDED = "suspended", _("Suspended")
    COMPLETED = "completed", _("Completed")
    WAGES_SETTLED = "wages_settled", _("Wages settled")

    @classmethod
    def live(cls):
        """Projects with workers on site or about to have them."""
        return [cls.REGISTERED, cls.PERMIT_PENDING, cls.UNDER_CONSTRUCTION, cls.SUSPENDED]


# The allowed moves of the status (services.change_status enforces them).
STATUS_TRANSITIONS = {
    ProjectStatus.REGISTERED: {ProjectStatus.PERMIT_PENDING},
    ProjectStatus.PERMIT_PENDING: {ProjectStatus.REGISTERED, ProjectStatus.UNDER_CONSTRUCTION},
    ProjectStatus.UNDER_CONSTRUCTION: {ProjectStatus.SUSPENDED, ProjectStatus.COMPLETED},
    ProjectStatus.SUSPENDED: {ProjectStatus.UNDER_CONSTRUCTION, ProjectStatus.COMPLETED},
    ProjectStatus.COMPLETED: {ProjectStatus.WAGES_SETTLED},
    ProjectStatus.WAGES_SETTLED: set(),
}


class FundingSource(models.TextChoices):
    FISCAL = "fiscal", _("Fiscal budget")
    SPECIAL_BOND = "special_bond", _("Special-purpose bonds")
    STATE_ENTERPRISE = "state_enterprise", _("State-owned enterprise funds")
    BANK_LOAN = "bank_loan", _("Bank loan")
    SELF_RAISED = "self_raised", _("Self-raised")
    MIXED = "mixed", _("Mixed")


class PartyRole(models.TextChoices):
    CLIENT = "client", _("Construction client")
    GENERAL_CONTRACTOR = "general_contractor", _("General contractor")
    SUBCONTRACTOR = "subcontractor", _("Subcontractor")


class MovementKind(models.TextChoices):
    ALLOCATION = "allocation", _("Labour-cost transfer")
    WAGE_PAYMENT = "wage_payment", _("Wage payment")
    OTHER_IN = "other_in", _("Other credit")
    OTHER_OUT = "other_out", _("Other debit")

    @classmethod
    def credits(cls):
        return [cls.ALLOCATION, cls.OTHER_IN]


class AllocationBasis(models.TextChoices):
    AMOUNT = "amount", _("Fixed amount")
    RATIO = "ratio", _("Ratio of the progress payment")


class Sex(models.TextChoices):
    MALE = "M", _("Male")
    FEMALE = "F", _("Female")


class ImportKind(models.TextChoices):
    ROSTER = "roster", _("Worker roster")
    PAYROLL = "payroll", _("Monthly payroll")
    BANK_STATEMENT = "bank_statement", _("Bank statement")
    ATTENDANCE = "attendance", _("Monthly attendance")


class AttendanceSource(models.TextChoices):
    """Where a month's days on site came from."""

    GATE_IMPORT = "gate_import", _("Gate system (Excel import)")
    API = "api", _("Gate system (API)")
    OFFICER = "officer", _("Entered by the labour officer")


class NoticeBoardItem(models.TextChoices):
    """What the rights-information notice board must show (Decree 724 Art. 34, domain.md §1.4 item 26)."""

    PARTIES = "parties", _("Client, general contractor, subcontractors and industry department")
    WAGE_OFFICER = "wage_officer", _("Labour-wage officer")
    MINIMUM_WAGE = "minimum_wage", _("Local minimum wage")
    PAY_DATE = "pay_date", _("Wage pay date")
    HOTLINES = "hotlines", _("Complaint hotlines of the industry department and labour inspection")
    MEDIATION = "mediation", _("How to apply for mediation or arbitration")
    LEGAL_AID = "legal_aid", _("How to apply for legal aid and the public legal-service hotline")


class ComplianceMetric(models.TextChoices):
    CARD_ISSUED = "card_issued", _("Wage card issued within one month")
    CARD_HELD = "card_held", _("Wage card held by the worker")
    CARD_ACTIVATED = "card_activated", _("Wage card activated")
    CONTRACT_BEFORE_ENTRY = "contract_before_entry", _("Labour contract signed before entry")
