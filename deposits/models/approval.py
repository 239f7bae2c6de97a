from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.formats import yuan
from kernel.roles import Action, Role
from kernel.scoping import ScopedQuerySet

from ..choices import ApprovalKind, ApprovalStatus


class ApprovalQuerySet(ScopedQuerySet):
    def pending(self):
        return self.filter(status=ApprovalStatus.PENDING)


class Approval(models.Model):
    """A request that a second official must approve before the money moves: a deposit draw, a deposit
    return, an emergency-fund advance. The maker and the checker are different people (checked by the
    service and by the database)."""

    scope_paths = {"district": "district"}
    role_actions = {Role.ENTERPRISE: set(), Role.GRID_ASSISTANT: set(), Role.API_CLIENT: {Action.VIEW}}

    kind = models.CharField(_("kind"), max_length=10, choices=ApprovalKind.choices)
    status = models.CharField(_("status"), max_length=10, choices=ApprovalStatus.choices,
                              default=ApprovalStatus.PENDING, db_index=True)
    district = models.ForeignKey("accounts.District", verbose_name=_("district"), null=True, blank=True,
                                 on_delete=models.PROTECT, related_name="+")
    deposit = models.ForeignKey("deposits.Deposit", verbose_name=_("deposit"), null=True, blank=True,
                                on_delete=models.PROTECT, related_name="approvals")
    fund = models.ForeignKey("deposits.EmergencyFund", verbose_name=_("fund"), null=True, blank=True,
                             on_delete=models.PROTECT, related_name="approvals")
    amount = models.DecimalField(_("amount (CNY)"), max_digits=16, decimal_places=2)
    workers = models.PositiveIntegerField(_("workers"), default=0)
    payees = models.JSONField(_("workers paid"), default=list, blank=True,
                              help_text=_("Named workers and amounts (a draw is paid to the workers personally)."))
    case = models.ForeignKey("cases.Case", verbose_name=_("case"), null=True, blank=True, on_delete=models.PROTECT,
                             related_name="deposit_approvals")
    case_ref = models.CharField(_("case or decision number"), max_length=60, blank=True)
    order_deadline = models.DateField(_("payment order deadline"), null=True, blank=True)
    reason = models.TextField(_("reason"))
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("requested by"),
                                     on_delete=models.PROTECT, related_name="+")
    requested_at = models.DateTimeField(_("requested"), auto_now_add=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("decided by"), null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="+")
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decision_note = models.TextField(_("decision note"), blank=True)
    bank_pay_by = models.DateField(_("bank to pay by"), null=True, blank=True)
    idempotency_key = models.CharField(_("idempotency key"), max_length=64, unique=True)

    objects = ApprovalQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("approval")
        verbose_name_plural = _("approvals")
        ordering = ["-requested_at", "-pk"]
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="approval_amount_positive"),
            models.CheckConstraint(condition=Q(decided_by__isnull=True) | ~Q(decided_by=F("requested_by")),
                                   name="approval_maker_not_checker"),
            models.CheckConstraint(
                condition=(Q(kind__in=[ApprovalKind.DRAW, ApprovalKind.RETURN], deposit__isnull=False,
                             fund__isnull=True)
                           | Q(kind=ApprovalKind.ADVANCE, fund__isnull=False, deposit__isnull=True)),
                name="approval_target"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {yuan(self.amount)} ({self.get_status_display()})"

    @property
    def target(self):
        return self.deposit if self.deposit_id else self.fund
