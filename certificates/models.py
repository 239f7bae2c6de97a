"""No-arrears certificates (无欠薪证明), their applications with the blockers found, commitment letters
(工资无拖欠承诺书) and the city's policy (domain.md §11). Only certificates.services changes these rows."""

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.citations import LOCAL_PRACTICE, Rule
from kernel.querysets import InForceQuerySet
from kernel.roles import Action, Role
from kernel.scoping import ScopedQuerySet

from .choices import BlockerCode, CertificateStatus, Mode, Outcome, Purpose, State
from .querysets import CertificateQuerySet

# Defaults of certificates.CertificatePolicy (the city's figures, data with effective dates). No national rule
# governs the certificate (domain.md §11): each is local practice.
DEFAULT_VALIDITY_DAYS = 90  # domain.md §11.5: no national figure; local practice is short [M]
DEFAULT_PUBLICATION_MONTHS = 12  # a published major violation (人社部令第29号) blocks for a year
DEFAULT_COMMITMENT_DAYS = 365  # a commitment letter covers a year
VALIDITY_RULE = Rule(_("Certificate validity"), LOCAL_PRACTICE)
DEADLINE_RULES = {"valid_until": VALIDITY_RULE}

# Enterprises read their own (applying is checked by certificates.services.may_apply: an enterprise user
# applies for its own enterprise); grid assistants and department clients read; staff apply at the desk.
OWN_ROLE_ACTIONS = {
    Role.ENTERPRISE: {Action.VIEW},
    Role.GRID_ASSISTANT: {Action.VIEW},
    Role.API_CLIENT: {Action.VIEW},
}


def default_blockers():
    return list(BlockerCode.values)


class CertificatePolicy(models.Model):
    """Which mode the city uses and the certificate's figures, from a date on."""

    role_actions = {role: {Action.VIEW} for role in Role if role != Role.CITY_ADMIN}

    effective_from = models.DateField(_("effective from"), unique=True)
    effective_to = models.DateField(_("effective until"), null=True, blank=True)
    mode = models.CharField(_("mode"), max_length=12, choices=Mode.choices, default=Mode.CERTIFICATE)
    validity_days = models.PositiveSmallIntegerField(_("certificate valid for (days)"), default=DEFAULT_VALIDITY_DAYS)
    commitment_days = models.PositiveSmallIntegerField(_("commitment valid for (days)"),
                                                       default=DEFAULT_COMMITMENT_DAYS)
    publication_months = models.PositiveSmallIntegerField(
        _("published major violation blocks for (months)"), default=DEFAULT_PUBLICATION_MONTHS)
    blockers = models.JSONField(_("checks applied"), default=default_blockers,
                                help_text=_("Codes of the checks that block: open_case, unpaid_order, listed, "
                                            "publication, red_warning."))
    note = models.CharField(_("basis"), max_length=255, blank=True)

    objects = InForceQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("certificate policy")
        verbose_name_plural = _("certificate policies")
        ordering = ["-effective_from"]

    def __str__(self):
        return f"{self.effective_from:%Y-%m-%d} {self.get_mode_display()}"

    def clean(self):
        unknown = [c for c in (self.blockers or []) if c not in BlockerCode.values]
        if unknown:
            raise ValidationError({"blockers": _("Unknown checks: %(codes)s") % {"codes": ", ".join(unknown)}})
        if not self.validity_days:
            raise ValidationError({"validity_days": _("A certificate is valid for at least one day.")})


class CertificateApplication(models.Model):
    """One online application and its instant check: issued, or refused with every blocker named."""

    scope_paths = {"district": "district", "enterprise": "enterprise"}
    role_actions = OWN_ROLE_ACTIONS

    enterprise = models.ForeignKey("enterprises.Enterprise", verbose_name=_("enterprise"), on_delete=models.PROTECT,
                                   related_name="certificate_applications")
    district = models.ForeignKey("accounts.District", on_delete=models.PROTECT, related_name="+")
    purpose = models.CharField(_("purpose"), max_length=10, choices=Purpose.choices)
    purpose_detail = models.CharField(_("for"), max_length=200, blank=True,
                                      help_text=_("For example the tender or project name."))
    applied_at = models.DateTimeField(_("applied"))
    applicant = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    outcome = models.CharField(_("outcome"), max_length=10, choices=Outcome.choices)
    blockers = models.JSONField(_("blockers"), default=list, blank=True)

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("certificate application")
        verbose_name_plural = _("certificate applications")
        ordering = ["-applied_at", "-pk"]

    def __str__(self):
        return f"{self.enterprise} {timezone.localtime(self.applied_at):%Y-%m-%d} {self.get_outcome_display()}"


class Certificate(models.Model):
    """An issued certificate: serial, enterprise, purpose, dates, and the HMAC over those fields
    (certificates.signing) that the QR's verification code carries."""

    scope_paths = {"district": "district", "enterprise": "enterprise"}
    role_actions = OWN_ROLE_ACTIONS

    serial = models.CharField(_("serial number"), max_length=24, unique=True)
    application = models.OneToOneField(CertificateApplication, null=True, blank=True, on_delete=models.SET_NULL,
                                       related_name="certificate")
    enterprise = models.ForeignKey("enterprises.Enterprise", verbose_name=_("enterprise"), on_delete=models.PROTECT,
                                   related_name="certificates")
    district = models.ForeignKey("accounts.District", on_delete=models.PROTECT, related_name="+")
    enterprise_name = models.CharField(_("name on the certificate"), max_length=200)
    credit_code = models.CharField(_("unified social credit code"), max_length=18)
    purpose = models.CharField(_("purpose"), max_length=10, choices=Purpose.choices)
    purpose_detail = models.CharField(_("for"), max_length=200, blank=True)
    issued_on = models.DateField(_("issued on"), db_index=True)
    valid_until = models.DateField(_("valid until"), db_index=True)
    signature = models.CharField(max_length=64, editable=False)
    status = models.CharField(_("status"), max_length=10, choices=CertificateStatus.choices,
                              default=CertificateStatus.VALID, db_index=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    revoked_reason = models.CharField(_("reason for revocation"), max_length=255, blank=True)
    revocation_ref = models.CharField(max_length=60, blank=True)
    revoked_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    objects = CertificateQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("no-arrears certificate")
        verbose_name_plural = _("no-arrears certificates")
        ordering = ["-issued_on", "-pk"]

    def __str__(self):
        return self.serial

    def get_absolute_url(self):
        return reverse("certificates:detail", args=[self.pk])

    def state(self, on: dt.date) -> str:
        if self.status == CertificateStatus.REVOKED:
            return State.REVOKED
        return State.VALID if on <= self.valid_until else State.EXPIRED

    def state_label(self, on: dt.date) -> str:
        return str(State(self.state(on)).label)


class CommitmentLetter(models.Model):
    """A signed no-arrears commitment letter (工资无拖欠承诺书), the commitment mode's alternative."""

    scope_paths = {"district": "district", "enterprise": "enterprise"}
    role_actions = OWN_ROLE_ACTIONS

    serial = models.CharField(_("number"), max_length=24, unique=True)
    enterprise = models.ForeignKey("enterprises.Enterprise", verbose_name=_("enterprise"), on_delete=models.PROTECT,
                                   related_name="commitments")
    district = models.ForeignKey("accounts.District", on_delete=models.PROTECT, related_name="+")
    purpose = models.CharField(_("purpose"), max_length=10, choices=Purpose.choices)
    purpose_detail = models.CharField(_("for"), max_length=200, blank=True)
    signatory = models.CharField(_("signed by (legal representative)"), max_length=50)
    text = models.TextField(_("text signed"))
    signed_on = models.DateField(_("signed on"), db_index=True)
    valid_until = models.DateField(_("valid until"))
    signed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ScopedQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("no-arrears commitment letter")
        verbose_name_plural = _("no-arrears commitment letters")
        ordering = ["-signed_on", "-pk"]

    def __str__(self):
        return self.serial
