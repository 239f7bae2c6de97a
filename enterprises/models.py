from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from accounts.choices import Action, Role
from core.fields import EncryptedCharField
from core.masking import mask_phone
from core.scoping import ScopedQuerySet

from .choices import EnterpriseKind, EnterpriseStatus, Grade, Industry
from .validators import normalise_credit_code, validate_credit_code


class EnterpriseQuerySet(ScopedQuerySet):
    def search(self, text: str):
        text = (text or "").strip()
        if not text:
            return self
        return self.filter(models.Q(name__icontains=text) | models.Q(credit_code__icontains=text.upper()))


class Enterprise(models.Model):
    """An employer on the city's electronic file (用人单位电子档案)."""

    scope_paths = {"district": "district", "enterprise": "pk"}
    # Enterprises update their own file and contacts; they never create or delete one.
    role_actions = {Role.ENTERPRISE: {Action.VIEW, Action.CHANGE}}

    credit_code = models.CharField(
        _("unified social credit code"), max_length=18, unique=True, validators=[validate_credit_code]
    )
    name = models.CharField(_("name"), max_length=200, db_index=True)
    former_names = models.TextField(_("former names"), blank=True, help_text=_("One per line."))
    legal_representative = models.CharField(_("legal representative"), max_length=50)
    address = models.CharField(_("address"), max_length=255, blank=True)
    district = models.ForeignKey(
        "accounts.District", verbose_name=_("district"), on_delete=models.PROTECT, related_name="enterprises"
    )
    industry = models.CharField(_("industry"), max_length=1, choices=Industry.choices, blank=True)
    kind = models.CharField(_("kind"), max_length=30, choices=EnterpriseKind.choices, default=EnterpriseKind.OTHER)
    registered_capital = models.DecimalField(
        _("registered capital (10k CNY)"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    employee_count = models.PositiveIntegerField(_("employees"), default=0)
    insured_count = models.PositiveIntegerField(_("social-insurance headcount"), default=0)
    state_owned = models.BooleanField(_("state-owned"), default=False)
    provincial = models.BooleanField(_("provincially administered"), default=False)
    status = models.CharField(
        _("status"), max_length=20, choices=EnterpriseStatus.choices, default=EnterpriseStatus.ACTIVE
    )
    # Kept in step by enterprises.grading.confirm_grade only; the history lives in CreditGrade.
    grade = models.CharField(_("credit grade"), max_length=1, choices=Grade.choices, blank=True, db_index=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = EnterpriseQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("enterprise")
        verbose_name_plural = _("enterprises")
        ordering = ["name"]
        indexes = [models.Index(fields=["district", "grade"])]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.credit_code = normalise_credit_code(self.credit_code)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("enterprises:detail", args=[self.pk])


class Contact(models.Model):
    """A contact person of an enterprise; the phone is personal data, encrypted and masked."""

    scope_paths = {"district": "enterprise__district", "enterprise": "enterprise"}
    role_actions = {Role.ENTERPRISE: {Action.VIEW, Action.ADD, Action.CHANGE, Action.DELETE}}

    enterprise = models.ForeignKey(Enterprise, verbose_name=_("enterprise"), on_delete=models.CASCADE,
                                   related_name="contacts")
    name = models.CharField(_("name"), max_length=50)
    position = models.CharField(_("position"), max_length=50, blank=True)
    phone = EncryptedCharField(_("phone"), max_plain_length=20)

    objects = ScopedQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")
        ordering = ["pk"]

    def __str__(self):
        return f"{self.name} ({self.position})" if self.position else self.name

    @property
    def masked_phone(self):
        return mask_phone(self.phone)


class TimelineEntry(models.Model):
    """One line of an enterprise's electronic file. Every app adds its events through
    enterprises.timeline.add_entry, so that the file is one timeline, not one per app."""

    scope_paths = {"district": "enterprise__district", "enterprise": "enterprise"}
    role_actions = {role: {Action.VIEW} for role in Role if role != Role.CITY_ADMIN}

    enterprise = models.ForeignKey(Enterprise, verbose_name=_("enterprise"), on_delete=models.CASCADE,
                                   related_name="timeline")
    occurred_at = models.DateTimeField(_("time"), db_index=True)
    kind = models.CharField(_("kind"), max_length=20)
    title = models.CharField(_("title"), max_length=200)
    detail = models.TextField(_("detail"), blank=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("by"), null=True, blank=True,
                              on_delete=models.SET_NULL, related_name="+")
    object_type = models.CharField(max_length=100, blank=True)
    object_id = models.CharField(max_length=64, blank=True)
    url = models.CharField(max_length=255, blank=True)

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("timeline entry")
        verbose_name_plural = _("timeline entries")
        ordering = ["-occurred_at", "-pk"]
        indexes = [models.Index(fields=["enterprise", "-occurred_at"])]

    def __str__(self):
        return self.title
