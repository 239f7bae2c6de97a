"""Choices of the certificates app (docs/ui.md glossary: Certificate, Commitment)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Mode(models.TextChoices):
    """domain.md §11: the city issues certificates, or (Lanzhou since 2020-11-20, 告知承诺制) takes a
    no-arrears commitment letter and pushes a restricted-bidders list to the trading centre."""

    CERTIFICATE = "certificate", _("No-arrears certificate")
    COMMITMENT = "commitment", _("No-arrears commitment letter")


class Purpose(models.TextChoices):
    BIDDING = "bidding", _("Bidding")
    LISTING = "listing", _("Stock listing or qualification")
    AWARD = "award", _("Award or honour")
    OTHER = "other", _("Other")


class CertificateStatus(models.TextChoices):
    """Stored status; "expired" follows from the date (Certificate.state)."""

    VALID = "valid", _("Valid")
    REVOKED = "revoked", _("Revoked")


class State(models.TextChoices):
    """What the public verification answers, and nothing more."""

    VALID = "valid", _("Valid")
    EXPIRED = "expired", _("Expired")
    REVOKED = "revoked", _("Revoked")


class Outcome(models.TextChoices):
    ISSUED = "issued", _("Issued")
    REFUSED = "refused", _("Refused")


class BlockerCode(models.TextChoices):
    """What stops a certificate or a commitment (domain.md §11.3), each a configurable check."""

    OPEN_CASE = "open_case", _("Open wage-arrears case")
    UNPAID_ORDER = "unpaid_order", _("Unpaid order to pay")
    LISTED = "listed", _("On the joint-punishment list")
    PUBLICATION = "publication", _("Published major violation")
    RED_WARNING = "red_warning", _("Red early warning")
