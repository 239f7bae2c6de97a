"""Choices of the blacklist app (docs/ui.md glossary: ListingEntry, Publication)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ListingStatus(models.TextChoices):
    """The 45号 workflow; the transitions live in blacklist.services.listing (TRANSITIONS)."""

    PROPOSED = "proposed", _("Proposed")
    NOTIFIED = "notified", _("Prior notice served")
    LISTED = "listed", _("Listed and published")
    REMOVAL_REQUESTED = "removal_requested", _("Early removal requested")
    NOT_LISTED = "not_listed", _("Decided not to list")
    REMOVED_EARLY = "removed_early", _("Removed early")
    EXPIRED = "expired", _("Expired")

    @classmethod
    def in_force(cls):
        """The entry binds: grade C, deposits +100%, certificates refused, joint punishment."""
        return [cls.LISTED, cls.REMOVAL_REQUESTED]

    @classmethod
    def open(cls):
        return [cls.PROPOSED, cls.NOTIFIED, cls.LISTED, cls.REMOVAL_REQUESTED]


class ListingCriterion(models.TextChoices):
    """人社部令第45号 Art. 5 (after an unpaid order to pay)."""

    CRIME_THRESHOLD = "crime_threshold", _("Arrears reach the criminal threshold")
    MASS_INCIDENT = "mass_incident", _("Arrears caused a mass or extreme incident")


class PersonRole(models.TextChoices):
    """Who is listed with the employer (45号: the party and its responsible persons)."""

    LEGAL_REPRESENTATIVE = "legal_representative", _("Legal representative")
    PRINCIPAL = "principal", _("Principal person in charge")
    MANAGER = "manager", _("Responsible manager")
    OTHER = "other", _("Other directly responsible person")


class NoticeKind(models.TextChoices):
    """Joint-punishment notices in the departments' feed."""

    LISTED = "listed", _("Listed")
    REMOVED = "removed", _("Removed early")
    EXPIRED = "expired", _("Expired")


class PublicationCategory(models.TextChoices):
    """人社部令第29号 Art. 5: major violations that must be published."""

    LARGE_ARREARS = "large_arrears", _("Wage arrears of a large amount")
    JUDICIAL_TRANSFER = "judicial_transfer", _("Refusal to pay transferred to the judicial authorities")
    SOCIAL_INSURANCE = "social_insurance", _("Serious social-insurance violation")
    WORKING_TIME = "working_time", _("Serious working-time violation")
    WOMEN_MINORS = "women_minors", _("Serious violation of women or minor workers' protection")
    CHILD_LABOUR = "child_labour", _("Child labour")
    SOCIAL_IMPACT = "social_impact", _("Violation with a serious bad social impact")
    OTHER = "other", _("Other major violation")


class BatchStatus(models.TextChoices):
    DRAFT = "draft", _("Draft, under review")
    PUBLISHED = "published", _("Published")
    WITHDRAWN = "withdrawn", _("Withdrawn")
