from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.formats import percent
from kernel.querysets import InForceQuerySet
from kernel.roles import Action, Role

from ..choices import NATIONAL_FLOOR_RATE, RateBase
from ..rates import DEFAULT_JURISDICTION

RATE = {"max_digits": 7, "decimal_places": 4, "validators": [MinValueValidator(0), MaxValueValidator(1)]}
SHARE = {"max_digits": 5, "decimal_places": 2, "validators": [MinValueValidator(0), MaxValueValidator(10)]}
MONEY = {"max_digits": 16, "decimal_places": 2}


class RatePolicyQuerySet(InForceQuerySet):
    def in_force_for(self, jurisdiction: str, on):
        """The policy of the jurisdiction in force on the day (the latest start on or before it)."""
        return self.in_force(on).filter(jurisdiction=jurisdiction).first()


class RatePolicy(models.Model):
    """One deposit-rate rule set of one jurisdiction from a date on (人社部发〔2021〕65号 Arts. 11–13 let the
    province fix and publish the rates; domain.md §2.2–2.3). Data, not code: a change is a new row with a
    new effective date, so every past assessment stays explainable with the rules it used. Every
    modifier left empty is not part of the policy. The engine is deposits.rates."""

    role_actions = {role: {Action.VIEW} for role in Role if role != Role.CITY_ADMIN}

    jurisdiction = models.CharField(_("jurisdiction code"), max_length=12, default=DEFAULT_JURISDICTION,
                                    help_text=_("Administrative division code (620100: Lanzhou)."))
    jurisdiction_name = models.CharField(_("jurisdiction"), max_length=50, default="兰州市")
    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=200)
    citation = models.CharField(_("legal basis"), max_length=300,
                                help_text=_("The document that sets these values, cited on every assessment."))
    note = models.TextField(_("note"), blank=True)
    effective_from = models.DateField(_("effective from"))
    effective_to = models.DateField(_("effective until"), null=True, blank=True)
    base = models.CharField(_("base"), max_length=20, choices=RateBase.choices, default=RateBase.CONTRACT)
    base_rate = models.DecimalField(_("standard rate"), **RATE)
    min_rate = models.DecimalField(_("lowest standard rate allowed"), null=True, blank=True, **RATE)
    max_rate = models.DecimalField(_("highest standard rate allowed"), null=True, blank=True, **RATE)
    cap_amount = models.DecimalField(_("cap per project (CNY)"), null=True, blank=True, **MONEY)
    cap_limits_increase = models.BooleanField(_("the cap also limits increased amounts"), default=True)
    concurrent_reduction = models.DecimalField(
        _("reduction with other live projects (share)"), null=True, blank=True, **SHARE,
        help_text=_("0.50 halves the rate when the contractor has other live projects in the city."))
    floor_rate = models.DecimalField(_("floor rate with other live projects"), null=True, blank=True, **RATE)
    small_contract_threshold = models.DecimalField(
        _("small-contract exemption below (CNY)"), null=True, blank=True, **MONEY,
        help_text=_("Contracts below this amount are exempt when the contractor had no arrears in the year "
                    "before signing."))
    clean_two_years_reduction = models.DecimalField(_("reduction after 2 years without arrears (share)"),
                                                    null=True, blank=True, **SHARE)
    clean_three_years_exempt = models.BooleanField(_("exempt after 3 years without arrears"), default=False)
    exemption_needs_compliance = models.BooleanField(
        _("that exemption needs real-name and dedicated-account compliance"), default=True)
    arrears_increase = models.DecimalField(_("increase after arrears in the prior 2 years (share)"),
                                           null=True, blank=True, **SHARE)
    blacklist_increase = models.DecimalField(_("increase on the serious-dishonesty list (share)"),
                                             null=True, blank=True, **SHARE)
    grade_a_reduction = models.DecimalField(_("reduction for credit grade A (share)"), null=True, blank=True,
                                            **SHARE)
    grade_c_increase = models.DecimalField(_("increase for credit grade C (share)"), null=True, blank=True,
                                           **SHARE)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("updated by"), null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")

    objects = RatePolicyQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("deposit rate policy")
        verbose_name_plural = _("deposit rate policies")
        ordering = ["jurisdiction", "-effective_from"]
        constraints = [
            models.UniqueConstraint(fields=["jurisdiction", "effective_from"], name="uniq_rate_policy_start"),
            models.CheckConstraint(condition=Q(base_rate__gte=0) & Q(base_rate__lte=1), name="rate_policy_rate"),
            models.CheckConstraint(condition=Q(effective_to__isnull=True) | Q(effective_to__gte=models.F(
                "effective_from")), name="rate_policy_period"),
        ]

    def __str__(self):
        return f"{self.name} ({self.effective_from:%Y-%m-%d})"

    def clean(self):
        if self.min_rate is not None and self.base_rate < self.min_rate:
            raise ValidationError({"base_rate": _("The standard rate is below the lowest rate allowed.")})
        if self.max_rate is not None and self.base_rate > self.max_rate:
            raise ValidationError({"base_rate": _("The standard rate is above the highest rate allowed.")})
        if self.floor_rate is not None and self.floor_rate < Decimal(NATIONAL_FLOOR_RATE):
            raise ValidationError({"floor_rate": _("The floor cannot be below the national %(floor)s (65号 Art. 11).")
                                   % {"floor": percent(NATIONAL_FLOOR_RATE)}})
