from django.contrib.auth.models import AbstractUser, UserManager
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kernel.fields import EncryptedCharField
from kernel.masking import mask_phone
from kernel.roles import Action, Role
from kernel.scoping import ScopedQuerySet

from .choices import DistrictKind


class District(models.Model):
    """A district, county or development zone of the city: the unit of 属地管理."""

    scope_paths = {"district": "pk", "enterprise": "enterprises"}
    role_actions = {role: {Action.VIEW} for role in Role if role != Role.CITY_ADMIN}

    code = models.CharField(_("code"), max_length=12, unique=True, help_text=_("Administrative division code."))
    name = models.CharField(_("Chinese name"), max_length=50, unique=True)
    name_en = models.CharField(_("English name"), max_length=80)
    kind = models.CharField(_("kind"), max_length=12, choices=DistrictKind.choices)
    population = models.PositiveIntegerField(
        _("resident population"), null=True, blank=True,
        help_text=_("Approximate demo figure until the statistics bureau's number is entered."),
    )
    hotline = models.CharField(
        _("wage complaint hotline"), max_length=40, blank=True,
        help_text=_("Published on the public portal beside the national 12333."),
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    objects = ScopedQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("district")
        verbose_name_plural = _("districts")
        ordering = ["sort_order", "code"]

    def __str__(self):
        return self.name

    @property
    def display_name(self):
        from django.utils.translation import get_language

        return self.name_en if (get_language() or "").startswith("en") else self.name


class Department(models.Model):
    """Another department that reads the platform through the API (住建, 发改, 财政, 公安, 法院, 信用)."""

    code = models.SlugField(_("code"), max_length=30, unique=True)
    name = models.CharField(_("name"), max_length=100)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("department")
        verbose_name_plural = _("departments")
        ordering = ["code"]

    def __str__(self):
        return self.name


def _resource_choices():
    from django.apps import apps

    return [
        (m._meta.label_lower, f"{m._meta.app_config.verbose_name} · {m._meta.verbose_name}")
        for m in apps.get_models()
        if hasattr(m, "scope_paths")
    ]


class DepartmentGrant(models.Model):
    """What one department's API clients may read (and, with can_write, submit)."""

    department = models.ForeignKey(Department, verbose_name=_("department"), on_delete=models.CASCADE,
                                   related_name="grants")
    resource = models.CharField(_("resource"), max_length=100, choices=_resource_choices)
    can_write = models.BooleanField(_("may submit"), default=False)
    districts = models.ManyToManyField(
        District, verbose_name=_("districts"), blank=True,
        help_text=_("Leave empty to grant the whole city."),
    )

    history = HistoricalRecords(m2m_fields=[districts])

    class Meta:
        verbose_name = _("department grant")
        verbose_name_plural = _("department grants")
        constraints = [models.UniqueConstraint(fields=["department", "resource"], name="uniq_grant_resource")]

    def __str__(self):
        return f"{self.department} → {self.resource}"


class WageWatchUserManager(UserManager.from_queryset(ScopedQuerySet)):
    pass


class User(AbstractUser):
    """A person or department client using WageWatch. The role fixes scope and actions."""

    scope_paths = {"district": "district", "enterprise": "enterprise"}
    role_actions = {
        Role.DISTRICT_OFFICIAL: {Action.VIEW},
        Role.INSPECTOR: {Action.VIEW},
        Role.GRID_ASSISTANT: {Action.VIEW},
        Role.ENTERPRISE: {Action.VIEW},
        Role.API_CLIENT: {Action.VIEW},
    }

    name = models.CharField(_("full name"), max_length=50, blank=True)
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.INSPECTOR)
    district = models.ForeignKey(
        District, verbose_name=_("district"), null=True, blank=True, on_delete=models.PROTECT, related_name="users"
    )
    enterprise = models.ForeignKey(
        "enterprises.Enterprise", verbose_name=_("enterprise"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="users",
    )
    department = models.ForeignKey(
        Department, verbose_name=_("department"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="users",
    )
    phone = EncryptedCharField(_("phone"), blank=True, max_plain_length=20)

    objects = WageWatchUserManager()
    history = HistoricalRecords(excluded_fields=["password", "last_login"])

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["username"]

    def __str__(self):
        return self.name or self.username

    def get_short_name(self):
        """What the admin greets the user by: the person's name, not the login."""
        return self.name or self.username

    def clean(self):
        super().clean()
        if self.role in Role.district_bound() and not self.district_id:
            raise ValidationError({"district": _("A district role needs a district.")})
        if self.role == Role.ENTERPRISE and not self.enterprise_id:
            raise ValidationError({"enterprise": _("An enterprise user needs an enterprise.")})
        if self.role == Role.API_CLIENT and not self.department_id:
            raise ValidationError({"department": _("An API client needs a department.")})
        if self.role == Role.ENTERPRISE and self.enterprise_id:
            # An enterprise user belongs to its enterprise's district.
            self.district_id = self.enterprise.district_id

    def save(self, *args, **kwargs):
        # The admin site is for city administrators only (accounts.backends grants them rights).
        self.is_staff = self.is_superuser or self.role == Role.CITY_ADMIN
        super().save(*args, **kwargs)

    def department_grant(self, resource):
        """This API client's grant for `resource` (an app_label.model name), or None (kernel.scoping)."""
        if self.department_id is None:
            return None
        return (DepartmentGrant.objects.filter(department_id=self.department_id, resource=resource)
                .prefetch_related("districts").first())

    @property
    def masked_phone(self):
        return mask_phone(self.phone)

    @property
    def is_city_admin(self):
        return self.is_superuser or self.role == Role.CITY_ADMIN

    @property
    def is_city_wide(self):
        return self.is_superuser or self.role in Role.city_wide()

    @property
    def scope_label(self):
        """What this user's scope is called in the top bar."""
        if self.is_city_wide:
            from django.conf import settings

            return settings.WAGEWATCH_CITY_NAME
        if self.role == Role.ENTERPRISE and self.enterprise_id:
            return str(self.enterprise)
        if self.role == Role.API_CLIENT and self.department_id:
            return str(self.department)
        return str(self.district) if self.district_id else ""
