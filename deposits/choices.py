"""Choices and the regulatory numbers of the deposits app, each named once with its source.

65号 = 工程建设领域农民工工资保证金规定 (人社部发〔2021〕65号, in force 2021-11-01; domain.md §2).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from core.citations import Rule

# 65号 Art. 5 (domain.md §2.1 item 4): the deposit is stored, or the guarantee obtained, within 20 working days
# of the trigger date. The trigger itself (permit or contract) is [M] and configurable per deposit.
STORE_WORKDAYS = 20
# 65号 Art. 14 (§2.5 item 20): the bank pays within 5 working days of the payment notice.
BANK_PAY_WORKDAYS = 5
# 65号 Art. 14 (§2.5 item 21): the general contractor tops the deposit up within 10 working days of the use.
TOPUP_WORKDAYS = 10
# 65号 Art. 22 (§2.6 items 23–26): 30 days of public notice, review within 5 working days of the
# application, confirmation (or written refusal naming the arrears) within 3 working days after review.
RETURN_PUBLICITY_DAYS = 30
RETURN_REVIEW_WORKDAYS = 5
RETURN_CONFIRM_WORKDAYS = 3
# 65号 Art. 17 (§2.4 item 18): a guarantee is valid at least one year and not shorter than the contract
# period; the bureau reminds the contractor one month before it expires.
GUARANTEE_MIN_YEARS = 1
GUARANTEE_REMINDER_MONTHS = 1

# The rules behind each date a deposit shows (page and API: the name and basis beside the date).
STORE_RULE = Rule(_("Deadline to store the deposit"), "人社部发〔2021〕65号第五条")
TOPUP_RULE = Rule(_("Deadline to top the deposit up"), "人社部发〔2021〕65号第十四条")
GUARANTEE_RULE = Rule(_("Guarantee validity"), "人社部发〔2021〕65号第十七条")
RETURN_PUBLICITY_RULE = Rule(_("Public notice before return"), "人社部发〔2021〕65号第二十二条")
RETURN_REVIEW_RULE = Rule(_("Review of the return application"), "人社部发〔2021〕65号第二十二条")
DEADLINE_RULES = {"due_on": STORE_RULE, "topup_due_on": TOPUP_RULE, "valid_until": GUARANTEE_RULE,
                  "expiry_reminder_on": GUARANTEE_RULE, "publicity_until": RETURN_PUBLICITY_RULE,
                  "review_due_on": RETURN_REVIEW_RULE, "confirmation_due_on": RETURN_REVIEW_RULE}

# 65号 Art. 22 (§2.6 item 27): deposits are cleaned up at least every six months.
CLEANUP_MONTHS = 6
# 65号 Art. 11 (§2.2 item 7): several concurrent projects may lower the rate, never below 0.5 %.
NATIONAL_FLOOR_RATE = "0.0050"


class DepositForm(models.TextChoices):
    """How the general contractor meets the obligation (65号 Arts. 5, 8 and 11)."""

    CASH = "cash", _("Cash in a supervised account")
    BANK_GUARANTEE = "bank_guarantee", _("Bank guarantee")
    INSURANCE = "insurance", _("Guarantee insurance")
    EXEMPTION = "exemption", _("Exemption")

    @classmethod
    def guarantees(cls):
        return [cls.BANK_GUARANTEE, cls.INSURANCE]


class DepositStatus(models.TextChoices):
    """domain.md §2.7: required → stored | guaranteed | exempt; a draw → top-up due → back;
    completion → public notice (30 days) → review (5 wd) → returned (confirmation within 3 wd)."""

    REQUIRED = "required", _("Required")
    STORED = "stored", _("Stored")
    GUARANTEED = "guaranteed", _("Guarantee active")
    EXEMPT = "exempt", _("Exempt")
    TOPUP_DUE = "topup_due", _("Top-up due")
    RETURN_PUBLICITY = "return_publicity", _("Return: public notice")
    RETURN_REVIEW = "return_review", _("Return: under review")
    RETURNED = "returned", _("Returned")

    @classmethod
    def satisfied(cls):
        """The deposit obligation is met (the construction permit may rely on it)."""
        return [cls.STORED, cls.GUARANTEED, cls.EXEMPT]

    @classmethod
    def held(cls):
        """Money or a guarantee is held by the bureau."""
        return [cls.STORED, cls.GUARANTEED, cls.TOPUP_DUE, cls.RETURN_PUBLICITY, cls.RETURN_REVIEW]


class TriggerKind(models.TextChoices):
    """What starts the 20-working-day clock (domain.md §2.1 item 4, [M]: configurable)."""

    PERMIT = "permit", _("Construction permit (or start approval)")
    CONTRACT = "contract", _("Contract signed (projects without a permit)")


class EntryKind(models.TextChoices):
    """Ledger entries. `amount` moves the balance; `noted_amount` records a figure that does not
    (the assessment, a top-up demand, interest the contractor took out)."""

    ASSESSED = "assessed", _("Assessed")
    RECEIVED = "received", _("Received")
    DRAWN = "drawn", _("Drawn")
    TOPUP_DUE = "topup_due", _("Top-up due")
    TOPUP_RECEIVED = "topup_received", _("Top-up received")
    INTEREST_WITHDRAWN = "interest_withdrawn", _("Interest withdrawn")
    RETURNED = "returned", _("Returned")
    REVERSAL = "reversal", _("Reversal")

    @classmethod
    def credits(cls):
        return [cls.RECEIVED, cls.TOPUP_RECEIVED]

    @classmethod
    def debits(cls):
        return [cls.DRAWN, cls.RETURNED]

    @classmethod
    def notes(cls):
        return [cls.ASSESSED, cls.TOPUP_DUE, cls.INTEREST_WITHDRAWN]


class Adjustment(models.TextChoices):
    """How the differentiated rate came out against the policy's standard rate (for the reports)."""

    STANDARD = "standard", _("Standard rate")
    REDUCED = "reduced", _("Reduced")
    INCREASED = "increased", _("Increased")
    EXEMPT = "exempt", _("Exempt")


class RateBase(models.TextChoices):
    CONTRACT = "contract", _("Construction contract amount (annual amount for multi-year contracts)")
    PROJECT_COST = "project_cost", _("Project cost")


class FundLevel(models.TextChoices):
    CITY = "city", _("City")
    DISTRICT = "district", _("District")


class FundEntryKind(models.TextChoices):
    TOPUP = "topup", _("Budget top-up")
    ADVANCE = "advance", _("Advance to a case")
    RECOVERY = "recovery", _("Recovered from the employer")
    REVERSAL = "reversal", _("Reversal")


class ApprovalKind(models.TextChoices):
    """Actions that need a second official (maker ≠ checker)."""

    DRAW = "draw", _("Deposit draw")
    RETURN = "return", _("Deposit return")
    ADVANCE = "advance", _("Emergency-fund advance")


class ApprovalStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for approval")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")
