"""The joint-punishment list (人社部令第45号) and the publication of major violations (人社部令第29号).

Only blacklist.services changes these rows: the state machine and every business action live there."""

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kernel.fields import EncryptedCharField
from kernel.masking import mask_id_number
from kernel.querysets import InForceQuerySet
from kernel.roles import Action, Role
from kernel.scoping import ScopedQuerySet

from . import rules
from .choices import BatchStatus, ListingStatus, NoticeKind, PersonRole, PublicationCategory
from .querysets import EntryChildQuerySet, ListingQuerySet, PublishedViolationQuerySet

# Enterprises read their own entries (they are a party and get the notice); grid assistants and
# department clients read; inspectors propose and serve notices; officials decide (approve).
LISTING_ROLE_ACTIONS = {
    Role.ENTERPRISE: {Action.VIEW},
    Role.GRID_ASSISTANT: {Action.VIEW},
    Role.API_CLIENT: {Action.VIEW},
}
REFERENCE_ROLE_ACTIONS = {role: {Action.VIEW} for role in Role if role != Role.CITY_ADMIN}


class BlacklistPolicy(models.Model):
    """The city's figures for the list and the publication, from a date on (domain.md §14.3: the values
    from memory are defaults to verify). City administrators keep them; services read the one in force."""

    role_actions = REFERENCE_ROLE_ACTIONS

    effective_from = models.DateField(_("effective from"), unique=True)
    effective_to = models.DateField(_("effective until"), null=True, blank=True)
    objection_workdays = models.PositiveSmallIntegerField(
        _("objection period (working days)"), default=rules.DEFAULT_OBJECTION_WORKDAYS)
    removal_decision_workdays = models.PositiveSmallIntegerField(
        _("early removal: working days to decide"), default=rules.DEFAULT_REMOVAL_DECISION_WORKDAYS)
    listing_years = models.PositiveSmallIntegerField(_("listing term (years)"), default=rules.LISTING_YEARS)
    early_removal_months = models.PositiveSmallIntegerField(
        _("early removal: months after payment"), default=rules.EARLY_REMOVAL_MONTHS)
    publication_min_amount = models.DecimalField(
        _("publication: large amount from (CNY)"), max_digits=14, decimal_places=2,
        default=rules.DEFAULT_PUBLICATION_MIN_AMOUNT)
    note = models.CharField(_("basis"), max_length=255, blank=True)

    objects = InForceQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("list and publication policy")
        verbose_name_plural = _("list and publication policies")
        ordering = ["-effective_from"]

    def __str__(self):
        return f"{self.effective_from:%Y-%m-%d}"

    def clean(self):
        if self.objection_workdays is not None and self.objection_workdays < 1:
            raise ValidationError({"objection_workdays": _("Give at least one working day to object.")})
        if self.effective_to and self.effective_to < self.effective_from:
            raise ValidationError({"effective_to": _("The end is before the start.")})


class ListingEntry(models.Model):
    """One employer's entry on the joint-punishment list (失信联合惩戒对象名单), from the proposal out of a
    case to its expiry or early removal. Its responsible persons are ListedPerson rows."""

    scope_paths = {"district": "district", "enterprise": "enterprise"}
    role_actions = LISTING_ROLE_ACTIONS

    enterprise = models.ForeignKey("enterprises.Enterprise", verbose_name=_("enterprise"), on_delete=models.PROTECT,
                                   related_name="listings")
    district = models.ForeignKey("accounts.District", verbose_name=_("district"), on_delete=models.PROTECT,
                                 related_name="listings")
    case = models.ForeignKey("cases.Case", verbose_name=_("case"), on_delete=models.PROTECT, related_name="listings")
    escalation = models.OneToOneField("cases.EscalationRequest", verbose_name=_("review request"), null=True,
                                      blank=True, on_delete=models.SET_NULL, related_name="listing")
    status = models.CharField(_("status"), max_length=20, choices=ListingStatus.choices,
                              default=ListingStatus.PROPOSED, db_index=True)
    criteria = models.JSONField(_("criteria met"), default=list, blank=True)
    order_number = models.CharField(_("order to pay"), max_length=40, blank=True)
    order_deadline = models.DateField(_("order deadline"), null=True, blank=True)
    unpaid_amount = models.DecimalField(_("unpaid (CNY)"), max_digits=14, decimal_places=2)
    workers = models.PositiveIntegerField(_("workers owed"))
    facts = models.TextField(_("facts"), help_text=_("Published: no names or numbers of workers."))

    proposed_on = models.DateField(_("proposed on"))
    proposed_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("proposed by"), null=True,
                                    on_delete=models.SET_NULL, related_name="+")
    notice_served_on = models.DateField(_("prior notice served on"), null=True, blank=True)
    notice_number = models.CharField(_("notice number"), max_length=40, blank=True)
    objection_deadline = models.DateField(_("objections until"), null=True, blank=True)
    statement = models.TextField(_("statement and defence"), blank=True)
    statement_received_on = models.DateField(_("statement received on"), null=True, blank=True)

    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("decided by"), null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    decision_number = models.CharField(_("decision number"), max_length=40, blank=True)
    decision_note = models.TextField(_("decision note"), blank=True)
    listed_on = models.DateField(_("listed on"), null=True, blank=True, db_index=True)
    expires_on = models.DateField(_("expires on"), null=True, blank=True, db_index=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    publication_withdrawn_at = models.DateTimeField(_("publication withdrawn"), null=True, blank=True)

    corrected_on = models.DateField(_("arrears paid on"), null=True, blank=True)
    commitment_signed_on = models.DateField(_("integrity commitment signed on"), null=True, blank=True)
    removal_requested_on = models.DateField(_("early removal requested on"), null=True, blank=True)
    removal_requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                             on_delete=models.SET_NULL, related_name="+")
    removal_decision_due = models.DateField(_("early removal: decide by"), null=True, blank=True)
    ended_on = models.DateField(_("ended on"), null=True, blank=True)
    end_reason = models.TextField(_("why it ended"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ListingQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("joint-punishment list entry")
        verbose_name_plural = _("joint-punishment list entries")
        ordering = ["-proposed_on", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["case"], condition=models.Q(status__in=ListingStatus.open()),
                                    name="uniq_open_listing_per_case"),
        ]

    def __str__(self):
        return f"{self.enterprise} · {self.get_status_display()}"

    def get_absolute_url(self):
        return reverse("blacklist:detail", args=[self.pk])

    @property
    def criteria_labels(self) -> list[str]:
        return [c.get("label", "") for c in self.criteria]

    @property
    def in_force(self) -> bool:
        return self.status in ListingStatus.in_force()

    @property
    def last_day_in_force(self):
        """The last day the listing applies (expires_on is the first day it no longer does: 民法典 Art. 202)."""
        return self.expires_on - dt.timedelta(days=1) if self.expires_on else None


class PrePublicationListing(ListingEntry):
    """A grant name, not a table: a department granted this resource (besides blacklist.listingentry) also
    reads entries before their publication, during the objection period (querysets.PRE_PUBLICATION_GRANT)."""

    class Meta:
        proxy = True
        verbose_name = _("list entry before publication (department grant)")
        verbose_name_plural = _("list entries before publication (department grant)")


class ListedPerson(models.Model):
    """A person listed with the employer: its legal representative and other responsible persons. The ID
    number is encrypted and shown masked; the public list shows names and positions only."""

    scope_paths = {"district": "entry__district", "enterprise": "entry__enterprise"}
    role_actions = LISTING_ROLE_ACTIONS

    entry = models.ForeignKey(ListingEntry, on_delete=models.CASCADE, related_name="persons")
    name = models.CharField(_("name"), max_length=50)
    role = models.CharField(_("position"), max_length=25, choices=PersonRole.choices)
    id_number = EncryptedCharField(_("ID number"), blank=True, max_plain_length=18)

    objects = EntryChildQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("listed person")
        verbose_name_plural = _("listed persons")
        ordering = ["pk"]

    def __str__(self):
        return f"{self.name} ({self.get_role_display()})"

    @property
    def masked_id_number(self):
        return mask_id_number(self.id_number)


class PunishmentNotice(models.Model):
    """One joint-punishment notice to the departments (listed, removed, expired): the rows of the feed
    they sync with ?since=<id>. Append-only; ids grow in commit order (services take a lock)."""

    scope_paths = {"district": "entry__district", "enterprise": "entry__enterprise"}
    role_actions = {Role.ENTERPRISE: set(), Role.GRID_ASSISTANT: {Action.VIEW}, Role.API_CLIENT: {Action.VIEW}}

    entry = models.ForeignKey(ListingEntry, on_delete=models.PROTECT, related_name="notices")
    kind = models.CharField(_("kind"), max_length=10, choices=NoticeKind.choices)
    occurred_at = models.DateTimeField(_("time"))
    effective_on = models.DateField(_("effective on"))
    payload = models.JSONField(_("content"), default=dict)

    objects = EntryChildQuerySet.as_manager()

    class Meta:
        verbose_name = _("joint-punishment notice")
        verbose_name_plural = _("joint-punishment notices")
        ordering = ["pk"]

    def __str__(self):
        return f"{self.pk} {self.get_kind_display()} {self.entry.enterprise}"


class PublicationBatch(models.Model):
    """A quarterly batch of major violations for publication (重大劳动保障违法行为社会公布, 29号): gathered
    from closed cases, reviewed, then approved and published by a second person."""

    scope_paths = {"district": "district", "enterprise": "items__enterprise"}
    role_actions = {Role.ENTERPRISE: set(), Role.GRID_ASSISTANT: {Action.VIEW}, Role.API_CLIENT: {Action.VIEW}}

    period = models.CharField(_("period"), max_length=10, help_text=_("For example 2026Q3."))
    period_start = models.DateField(_("from"))
    period_end = models.DateField(_("to"))
    district = models.ForeignKey("accounts.District", verbose_name=_("district"), null=True, blank=True,
                                 on_delete=models.PROTECT, related_name="publication_batches",
                                 help_text=_("Empty: the city bureau's batch."))
    status = models.CharField(_("status"), max_length=10, choices=BatchStatus.choices, default=BatchStatus.DRAFT)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(_("gathered"), auto_now_add=True)
    published_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("approved by"), null=True,
                                     blank=True, on_delete=models.SET_NULL, related_name="+")
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)

    objects = ScopedQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("publication batch")
        verbose_name_plural = _("publication batches")
        ordering = ["-period_start", "-pk"]

    def __str__(self):
        return f"{self.period} {self.district or ''}".strip()

    def get_absolute_url(self):
        return reverse("blacklist:publication-detail", args=[self.pk])


class PublishedViolation(models.Model):
    """One major violation in a batch: the 29号 content (name, credit code, address, legal representative,
    facts, handling) as published, never personal data of workers."""

    scope_paths = {"district": "district", "enterprise": "enterprise"}
    role_actions = PublicationBatch.role_actions

    batch = models.ForeignKey(PublicationBatch, on_delete=models.CASCADE, related_name="items")
    case = models.ForeignKey("cases.Case", verbose_name=_("case"), on_delete=models.PROTECT,
                             related_name="publications")
    enterprise = models.ForeignKey("enterprises.Enterprise", verbose_name=_("enterprise"), null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="publications")
    district = models.ForeignKey("accounts.District", verbose_name=_("district"), on_delete=models.PROTECT,
                                 related_name="+")
    categories = models.JSONField(_("categories"), default=list)
    enterprise_name = models.CharField(_("name"), max_length=200)
    credit_code = models.CharField(_("unified social credit code"), max_length=18, blank=True)
    address = models.CharField(_("address"), max_length=255, blank=True)
    legal_representative = models.CharField(_("legal representative"), max_length=50, blank=True)
    facts = models.TextField(_("main facts"))
    handling = models.TextField(_("handling"))
    excluded = models.BooleanField(_("left out"), default=False)
    exclusion_reason = models.CharField(_("why left out"), max_length=255, blank=True)
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)

    objects = PublishedViolationQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("published major violation")
        verbose_name_plural = _("published major violations")
        ordering = ["batch", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["case"], condition=models.Q(excluded=False, withdrawn_at__isnull=True),
                                    name="uniq_case_publication"),
        ]

    def __str__(self):
        return f"{self.batch.period} {self.enterprise_name}"

    @property
    def category_labels(self) -> list[str]:
        return [str(PublicationCategory(c).label) for c in self.categories if c in PublicationCategory.values]
