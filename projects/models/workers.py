from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.identity import birth_date_of, normalise_id_number, sex_of
from kernel import crypto
from kernel.fields import EncryptedCharField
from kernel.masking import mask_bank_card, mask_id_number, mask_phone
from kernel.roles import Action, Role

from .. import rules
from ..choices import Sex
from ..querysets import EmploymentQuerySet, WorkerQuerySet


class Worker(models.Model):
    """A real-name registered worker (建市〔2019〕18号). The ID number is encrypted; its keyed hash
    (blind index) finds and de-duplicates a person without the plaintext."""

    scope_paths = {"district": "employments__project__district", "enterprise": "employments__project__participants"}
    role_actions = {Role.ENTERPRISE: {Action.VIEW, Action.CHANGE}, Role.GRID_ASSISTANT: {Action.VIEW}}

    name = models.CharField(_("name"), max_length=50, db_index=True)
    id_number = EncryptedCharField(_("ID number"), max_plain_length=18)
    id_number_index = models.CharField(max_length=64, unique=True, editable=False)
    sex = models.CharField(_("sex"), max_length=1, choices=Sex.choices, editable=False)
    birth_date = models.DateField(_("birth date"), editable=False)
    phone = EncryptedCharField(_("phone"), max_plain_length=20, blank=True)
    home_region = models.CharField(_("home region"), max_length=100, blank=True)
    created_at = models.DateTimeField(_("registered"), auto_now_add=True)

    objects = WorkerQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("worker")
        verbose_name_plural = _("workers")
        ordering = ["name", "pk"]

    def __str__(self):
        return f"{self.name} {self.masked_id_number}"

    def save(self, *args, **kwargs):
        self.derive_from_id()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("projects:worker-detail", args=[self.pk])

    def derive_from_id(self):
        """Normalise the ID number and derive what it encodes: index, sex and birth date."""
        self.id_number = normalise_id_number(self.id_number)
        self.id_number_index = crypto.blind_index(self.id_number)
        self.sex = sex_of(self.id_number)
        self.birth_date = birth_date_of(self.id_number)

    @property
    def masked_id_number(self):
        return mask_id_number(self.id_number)

    @property
    def masked_phone(self):
        return mask_phone(self.phone)


class Employment(models.Model):
    """A worker's employment on a project: employer, team, trade, entry and exit, labour contract and
    wage card (one card per worker, held by the worker: Decree 724 Art. 31)."""

    scope_paths = {"district": "project__district", "enterprise": "project__participants"}
    role_actions = {Role.ENTERPRISE: {Action.VIEW, Action.CHANGE}, Role.GRID_ASSISTANT: {Action.VIEW}}

    project = models.ForeignKey("projects.Project", verbose_name=_("project"), on_delete=models.PROTECT,
                                related_name="employments")
    worker = models.ForeignKey(Worker, verbose_name=_("worker"), on_delete=models.PROTECT, related_name="employments")
    employer = models.ForeignKey("enterprises.Enterprise", verbose_name=_("employer"), on_delete=models.PROTECT,
                                 related_name="+")
    team = models.CharField(_("team"), max_length=50, blank=True)
    trade = models.CharField(_("trade"), max_length=50, blank=True)
    entered_on = models.DateField(_("entered site"))
    exited_on = models.DateField(_("left site"), null=True, blank=True)
    contract_signed_on = models.DateField(_("labour contract signed"), null=True, blank=True)
    wage_card_bank = models.CharField(_("wage card bank"), max_length=100, blank=True)
    wage_card_number = EncryptedCharField(_("wage card number"), max_plain_length=30, blank=True)
    card_issued_on = models.DateField(_("card issued"), null=True, blank=True)
    card_held_by_worker = models.BooleanField(_("card held by the worker"), default=False)
    card_activated = models.BooleanField(_("card activated"), default=False)
    source_import = models.ForeignKey("projects.ProjectImport", null=True, blank=True, on_delete=models.SET_NULL,
                                      related_name="+")

    objects = EmploymentQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("employment")
        verbose_name_plural = _("employments")
        ordering = ["project", "team", "worker__name", "pk"]
        constraints = [models.UniqueConstraint(fields=["project", "worker"], name="uniq_project_worker")]

    def __str__(self):
        return f"{self.worker.name} @ {self.project.code}"

    @property
    def masked_card_number(self):
        return mask_bank_card(self.wage_card_number)

    @property
    def contract_after_entry(self) -> bool:
        """The labour contract must be signed before entering the site (Decree 724 Art. 28): flag it."""
        return self.contract_signed_on is None or self.contract_signed_on > self.entered_on

    @property
    def card_issued_in_time(self) -> bool:
        deadline = rules.card_deadline(self.entered_on)
        return bool(self.card_issued_on and deadline and self.card_issued_on <= deadline)
