"""The case (案件) from filing to closing, with its inspectors, orders, recoveries, requests and events.

Only cases.services changes these rows: the state machine and every business action live there."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.formats import yuan
from kernel.fields import EncryptedCharField
from kernel.masking import mask_id_number
from kernel.roles import Action, Role

from ..choices import (
    CaseOutcome,
    CaseSource,
    CaseStatus,
    EscalationKind,
    EscalationStatus,
    EventKind,
    ExtensionStatus,
    RecoveryKind,
    RecoveryStatus,
    ServiceMethod,
)
from ..querysets import CaseChildQuerySet, CaseQuerySet, RecoveryQuerySet

# Employers do not read case files on the platform: documents are served to them on paper, and the
# file holds what complainants and witnesses said (Decree 423 Art. 9). Department clients read only.
CASE_ROLE_ACTIONS = {Role.ENTERPRISE: set(), Role.GRID_ASSISTANT: {Action.VIEW}, Role.API_CLIENT: {Action.VIEW}}
CHILD_SCOPE = {"district": "case__district", "enterprise": "case__enterprise"}


class Case(models.Model):
    """A labour-inspection case (立案 to 结案): one case may serve a group of complaints."""

    scope_paths = {"district": "district", "enterprise": "enterprise"}
    role_actions = CASE_ROLE_ACTIONS

    number = models.CharField(_("case number"), max_length=30, unique=True)
    district = models.ForeignKey("accounts.District", verbose_name=_("district"), on_delete=models.PROTECT,
                                 related_name="cases")
    enterprise = models.ForeignKey("enterprises.Enterprise", verbose_name=_("enterprise"), null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="cases")
    employer_name = models.CharField(_("employer"), max_length=200)
    project = models.ForeignKey("projects.Project", verbose_name=_("project"), null=True, blank=True,
                                on_delete=models.PROTECT, related_name="cases")
    source = models.CharField(_("source"), max_length=20, choices=CaseSource.choices, default=CaseSource.COMPLAINT)
    status = models.CharField(_("status"), max_length=15, choices=CaseStatus.choices, default=CaseStatus.FILED,
                              db_index=True)
    filed_on = models.DateField(_("filed on"), db_index=True)
    investigation_deadline = models.DateField(_("investigation due"))
    extension_status = models.CharField(_("extension"), max_length=10, choices=ExtensionStatus.choices,
                                        blank=True, default=ExtensionStatus.NONE)
    extension_reason = models.TextField(_("reason for extension"), blank=True)
    extension_requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                               on_delete=models.SET_NULL, related_name="+")
    extension_decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("extension decided by"),
                                             null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    order_deadline = models.DateField(_("order due"), null=True, blank=True)

    workers_owed = models.PositiveIntegerField(_("workers owed"), default=0)
    amount_owed = models.DecimalField(_("amount owed (CNY)"), max_digits=14, decimal_places=2, default=0)
    months_owed = models.PositiveSmallIntegerField(_("months owed"), default=0)
    # Recomputed from the counted Recovery entries by services.money under the case's row lock.
    recovered_amount = models.DecimalField(_("wages recovered (CNY)"), max_digits=14, decimal_places=2, default=0)
    recovered_workers = models.PositiveIntegerField(_("workers paid"), default=0)
    compensation_rate = models.DecimalField(_("additional compensation rate"), max_digits=3, decimal_places=2,
                                            null=True, blank=True)
    compensation_amount = models.DecimalField(_("additional compensation (CNY)"), max_digits=14, decimal_places=2,
                                              null=True, blank=True)

    flagged = models.BooleanField(_("large or difficult"), default=False, db_index=True)
    flag_reasons = models.JSONField(_("why flagged"), default=list, blank=True)
    leader = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("responsible leader (包案)"), null=True,
                               blank=True, on_delete=models.SET_NULL, related_name="led_cases")
    leader_responsibilities = models.TextField(_("responsibility list"), blank=True)
    listed_supervision = models.BooleanField(_("listed supervision (挂牌督办)"), default=False)
    supervision_deadline = models.DateField(_("supervision due"), null=True, blank=True)
    supervision_note = models.TextField(_("supervision note"), blank=True)

    # Set once by cases.services.mark_overdue: the day the order's deadline was found passed unpaid, and
    # the amount unpaid then (45号 Art. 5 and the crime's "still not paid after being ordered" read both;
    # other apps read them through cases.facts instead of mining the timeline).
    became_overdue_on = models.DateField(_("order overdue on"), null=True, blank=True)
    unpaid_when_overdue = models.DecimalField(_("unpaid when overdue"), max_digits=14, decimal_places=2,
                                              null=True, blank=True)
    outcome = models.CharField(_("outcome"), max_length=20, choices=CaseOutcome.choices, blank=True)
    closed_on = models.DateField(_("closed on"), null=True, blank=True, db_index=True)
    closing_summary = models.TextField(_("closing summary"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    inspectors = models.ManyToManyField(settings.AUTH_USER_MODEL, through="CaseInspector",
                                        through_fields=("case", "inspector"), related_name="inspected_cases")

    objects = CaseQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("case")
        verbose_name_plural = _("cases")
        ordering = ["-filed_on", "-pk"]
        indexes = [models.Index(fields=["district", "status"])]

    def __str__(self):
        return f"{self.number} {self.employer_name}"

    def get_absolute_url(self):
        return reverse("cases:detail", args=[self.pk])

    @property
    def is_closed(self) -> bool:
        return self.status in CaseStatus.finished()

    @property
    def amount_unpaid(self):
        return max(self.amount_owed - self.recovered_amount, 0)

    @property
    def extended(self) -> bool:
        return self.extension_status == ExtensionStatus.APPROVED


class CaseInspector(models.Model):
    """An inspector on a case; a recusal (回避, Decree 423 Art. 16) is kept, never deleted."""

    scope_paths = CHILD_SCOPE
    role_actions = CASE_ROLE_ACTIONS

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="assignments")
    inspector = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("inspector"), on_delete=models.PROTECT,
                                  related_name="case_assignments")
    assigned_at = models.DateTimeField(_("assigned"))
    assigned_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")
    recused = models.BooleanField(_("recused"), default=False)
    recusal_reason = models.TextField(_("reason for recusal"), blank=True)
    recused_at = models.DateTimeField(_("recused"), null=True, blank=True)

    objects = CaseChildQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("case inspector")
        verbose_name_plural = _("case inspectors")
        ordering = ["assigned_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["case", "inspector"], name="uniq_case_inspector")]

    def __str__(self):
        return f"{self.case.number} · {self.inspector}"


class Order(models.Model):
    """A rectification order with deadline (劳动保障监察限期改正指令书): the "order to pay" of the 2013
    interpretation Art. 4, so how it was served is recorded."""

    scope_paths = CHILD_SCOPE
    role_actions = CASE_ROLE_ACTIONS

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="orders")
    number = models.CharField(_("document number"), max_length=40)
    issued_on = models.DateField(_("issued on"))
    workdays = models.PositiveSmallIntegerField(_("working days given"))
    deadline = models.DateField(_("pay by"))
    amount = models.DecimalField(_("amount ordered (CNY)"), max_digits=14, decimal_places=2)
    workers = models.PositiveIntegerField(_("workers"))
    requirements = models.TextField(_("requirements"))
    served_on = models.DateField(_("served on"))
    service_method = models.CharField(_("service"), max_length=20, choices=ServiceMethod.choices)
    service_evidence = models.CharField(_("service evidence"), max_length=255, blank=True,
                                        help_text=_("Receipt, witness, or the photo or video of the posting."))
    issued_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")

    objects = CaseChildQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("rectification order")
        verbose_name_plural = _("rectification orders")
        ordering = ["-issued_on", "-pk"]

    def __str__(self):
        return self.number


class Recovery(models.Model):
    """Wages recovered (追发) for workers on one day: an append-only entry. A mistake is undone by a reversal
    entry (kind=reversal, negative amount, with its reason), never by an edit; a payment above what is owed
    counts only once a second official confirmed it. cases.services.money keeps the case's totals in step."""

    scope_paths = CHILD_SCOPE
    role_actions = CASE_ROLE_ACTIONS

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="recoveries")
    paid_on = models.DateField(_("paid on"))
    amount = models.DecimalField(_("amount (CNY)"), max_digits=14, decimal_places=2)
    workers_paid = models.PositiveIntegerField(_("workers paid"))
    note = models.CharField(_("note"), max_length=255, blank=True)
    kind = models.CharField(_("kind"), max_length=10, choices=RecoveryKind.choices, default=RecoveryKind.PAYMENT)
    status = models.CharField(_("status"), max_length=10, choices=RecoveryStatus.choices,
                              default=RecoveryStatus.CONFIRMED)
    reverses = models.ForeignKey("self", verbose_name=_("corrects"), null=True, blank=True,
                                 on_delete=models.PROTECT, related_name="reversals")
    reason = models.TextField(_("reason"), blank=True,
                              help_text=_("Why the payment exceeds what is owed, or why an entry is corrected."))
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    confirmed_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("confirmed by"), null=True,
                                     blank=True, on_delete=models.SET_NULL, related_name="+")
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = RecoveryQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("wage recovery")
        verbose_name_plural = _("wage recoveries")
        ordering = ["-paid_on", "-pk"]

    def __str__(self):
        return f"{self.paid_on:%Y-%m-%d} {yuan(self.amount)}"


class RecoveredWorker(models.Model):
    """One worker paid in a recovery; the ID number is encrypted and shown masked."""

    scope_paths = {"district": "recovery__case__district", "enterprise": "recovery__case__enterprise"}
    role_actions = CASE_ROLE_ACTIONS

    recovery = models.ForeignKey(Recovery, on_delete=models.CASCADE, related_name="workers")
    name = models.CharField(_("name"), max_length=50)
    id_number = EncryptedCharField(_("ID number"), blank=True, max_plain_length=18)
    amount = models.DecimalField(_("amount (CNY)"), max_digits=12, decimal_places=2)

    objects = CaseChildQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("worker paid")
        verbose_name_plural = _("workers paid")
        ordering = ["pk"]

    def __str__(self):
        return self.name

    @property
    def masked_id_number(self):
        return mask_id_number(self.id_number)


class EscalationRequest(models.Model):
    """A request the case makes of another part of the platform: a deposit draw-down (domain.md §2.5) or
    a joint-punishment list review (§5.1). The deposits and blacklist apps pick up pending requests."""

    scope_paths = CHILD_SCOPE
    role_actions = CASE_ROLE_ACTIONS

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="escalations")
    kind = models.CharField(_("kind"), max_length=20, choices=EscalationKind.choices)
    status = models.CharField(_("status"), max_length=10, choices=EscalationStatus.choices,
                              default=EscalationStatus.PENDING, db_index=True)
    amount = models.DecimalField(_("amount (CNY)"), max_digits=14, decimal_places=2, null=True, blank=True)
    reason = models.TextField(_("reason"))
    basis = models.JSONField(_("basis"), default=dict, blank=True,
                             help_text=_("The facts the deciding app needs: order, deadline, unpaid amount, workers."))
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                                     related_name="+")
    requested_on = models.DateField(_("requested on"))

    objects = CaseChildQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("escalation request")
        verbose_name_plural = _("escalation requests")
        ordering = ["-requested_on", "-pk"]
        constraints = [models.UniqueConstraint(fields=["case", "kind"], condition=models.Q(status="pending"),
                                               name="uniq_pending_escalation")]

    def __str__(self):
        return f"{self.case.number} · {self.get_kind_display()}"


class CaseEvent(models.Model):
    """One line of the case's timeline, written by the service that made the change."""

    scope_paths = CHILD_SCOPE
    role_actions = CASE_ROLE_ACTIONS

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(_("kind"), max_length=20, choices=EventKind.choices)
    occurred_on = models.DateField(_("date"))
    created_at = models.DateTimeField(_("recorded"), auto_now_add=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("by"), null=True, blank=True,
                              on_delete=models.SET_NULL, related_name="+")
    title = models.CharField(_("title"), max_length=200)
    detail = models.TextField(_("detail"), blank=True)
    data = models.JSONField(default=dict, blank=True)

    objects = CaseChildQuerySet.as_manager()

    class Meta:
        verbose_name = _("case event")
        verbose_name_plural = _("case events")
        ordering = ["-occurred_on", "-created_at", "-pk"]

    def __str__(self):
        return self.title
