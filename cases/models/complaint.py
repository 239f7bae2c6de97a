"""Complaints and reports (投诉举报 / 欠薪线索) from every channel, with their attachments."""

import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kernel.fields import EncryptedCharField
from kernel.masking import mask_id_number, mask_phone
from kernel.roles import Action, Role
from kernel.scoping import ScopedQuerySet

from ..choices import Channel, ComplaintKind, ComplaintStatus, RefusalGround
from ..querysets import ComplaintQuerySet

TRACKING_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"  # no 0/O, 1/I: read out over the phone


def new_tracking_number(day) -> str:
    """T + date + 6 random characters: not guessable from a neighbour's number."""
    return f"T{day:%Y%m%d}" + "".join(secrets.choice(TRACKING_ALPHABET) for _ in range(6))


class Complaint(models.Model):
    """A complaint (by the worker) or a report (by anyone) about unpaid wages, as received. The
    complainant's name, ID number and phone are personal data: encrypted at rest, masked on pages and
    in API bodies, revealed only to casework roles with an audit event."""

    scope_paths = {"district": "district", "enterprise": "enterprise"}
    # Employers never see complaints about them (Decree 423 Art. 9: the complainant is protected).
    # Grid assistants report what they find; department clients submit under a writing grant.
    role_actions = {Role.ENTERPRISE: set(), Role.GRID_ASSISTANT: {Action.VIEW, Action.ADD}}

    tracking_number = models.CharField(_("tracking number"), max_length=20, unique=True, editable=False)
    kind = models.CharField(_("kind"), max_length=12, choices=ComplaintKind.choices, default=ComplaintKind.COMPLAINT)
    channel = models.CharField(_("channel"), max_length=20, choices=Channel.choices)
    status = models.CharField(_("status"), max_length=15, choices=ComplaintStatus.choices,
                              default=ComplaintStatus.RECEIVED, db_index=True)
    received_at = models.DateTimeField(_("received"))
    received_on = models.DateField(_("received on"), db_index=True)
    acceptance_deadline = models.DateField(_("decision due"), null=True, blank=True, db_index=True)
    deadline_error = models.CharField(_("deadline error"), max_length=255, blank=True)

    anonymous = models.BooleanField(_("anonymous"), default=False)
    complainant_name = EncryptedCharField(_("complainant's name"), blank=True, max_plain_length=50)
    complainant_id_number = EncryptedCharField(_("complainant's ID number"), blank=True, max_plain_length=18)
    complainant_id_index = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    complainant_phone = EncryptedCharField(_("complainant's phone"), blank=True, max_plain_length=20)

    employer_name = models.CharField(_("employer as named"), max_length=200)
    employer_credit_code = models.CharField(_("employer's credit code"), max_length=18, blank=True)
    enterprise = models.ForeignKey("enterprises.Enterprise", verbose_name=_("matched enterprise"), null=True,
                                   blank=True, on_delete=models.PROTECT, related_name="complaints")
    project = models.ForeignKey("projects.Project", verbose_name=_("project"), null=True, blank=True,
                                on_delete=models.PROTECT, related_name="complaints")
    workplace_address = models.CharField(_("workplace address"), max_length=255, blank=True)
    district = models.ForeignKey("accounts.District", verbose_name=_("district"), on_delete=models.PROTECT,
                                 related_name="complaints")
    workers_count = models.PositiveIntegerField(_("workers"), default=1)
    amount_owed = models.DecimalField(_("amount owed (CNY)"), max_digits=14, decimal_places=2, default=0)
    owed_from = models.DateField(_("owed from"), null=True, blank=True)
    owed_to = models.DateField(_("owed until"), null=True, blank=True,
                               help_text=_("The last month of unpaid work; the two-year limit runs from it."))
    description = models.TextField(_("description"))

    group_lead = models.ForeignKey("self", verbose_name=_("grouped with"), null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="group_members")
    case = models.ForeignKey("cases.Case", verbose_name=_("case"), null=True, blank=True,
                             on_delete=models.SET_NULL, related_name="complaints")
    entered_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("entered by"), null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    department = models.ForeignKey("accounts.Department", verbose_name=_("submitting department"), null=True,
                                   blank=True, on_delete=models.PROTECT, related_name="+")

    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("decided by"), null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    refusal_ground = models.CharField(_("ground"), max_length=30, choices=RefusalGround.choices, blank=True)
    decision_reason = models.TextField(_("reason given to the complainant"), blank=True)
    referred_to = models.CharField(_("referred to"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = ComplaintQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["complainant_id_index"])

    class Meta:
        verbose_name = _("complaint")
        verbose_name_plural = _("complaints")
        ordering = ["-received_at", "-pk"]
        indexes = [models.Index(fields=["district", "status"]), models.Index(fields=["enterprise", "received_on"])]

    def __str__(self):
        return f"{self.tracking_number} {self.employer_name}"

    def get_absolute_url(self):
        return reverse("cases:complaint-detail", args=[self.pk])

    @property
    def is_open(self) -> bool:
        return self.status in ComplaintStatus.open()

    @property
    def masked_phone(self) -> str:
        return mask_phone(self.complainant_phone)

    @property
    def masked_id_number(self) -> str:
        return mask_id_number(self.complainant_id_number)

    @property
    def masked_name(self) -> str:
        """The family name only (张**): enough to greet, not enough to identify."""
        name = self.complainant_name or ""
        return name[:1] + "*" * (len(name) - 1) if name else ""

    def phone_matches(self, last4: str) -> bool:
        phone = (self.complainant_phone or "").strip()
        return len(phone) >= 4 and len(last4) == 4 and secrets.compare_digest(phone[-4:], last4)


def attachment_path(instance, filename):
    # The stored name is random: the uploaded name never reaches the file system.
    return f"cases/complaints/{instance.received_month}/{secrets.token_hex(16)}.{instance.extension}"


class ComplaintAttachment(models.Model):
    """A file sent with a complaint; its type was checked from its content (cases.uploads)."""

    scope_paths = {"district": "complaint__district", "enterprise": "complaint__enterprise"}
    role_actions = {Role.ENTERPRISE: set(), Role.GRID_ASSISTANT: {Action.VIEW, Action.ADD}}

    complaint = models.ForeignKey(Complaint, verbose_name=_("complaint"), on_delete=models.CASCADE,
                                  related_name="attachments")
    file = models.FileField(_("file"), upload_to=attachment_path)
    original_name = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(_("type"), max_length=50)
    size = models.PositiveIntegerField(_("size"))
    created_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["pk"]

    def __str__(self):
        return self.original_name

    @property
    def received_month(self):
        return f"{self.complaint.received_on:%Y/%m}"

    @property
    def extension(self):
        return {"application/pdf": "pdf", "image/jpeg": "jpg", "image/png": "png"}.get(self.content_type, "bin")
