"""Conventions every app's models keep (peers.md P31; style.md rule 9)."""

import pytest
from django.apps import apps
from django.db import models

OUR_APPS = {"accounts", "enterprises", "projects", "cases", "deposits", "blacklist", "certificates", "portal", "core",
            "audit", "notifications", "earlywarning", "inspections"}
SCOPING_TARGETS = {"accounts.District", "enterprises.Enterprise", "projects.Project", "cases.Case",
                   "cases.Complaint", "deposits.Deposit"}


def our_models():
    return [m for m in apps.get_models()
            if m._meta.app_label in OUR_APPS and not m.__name__.startswith("Historical")]


SCOPED = [m for m in our_models() if hasattr(m, "scope_paths")]


def test_money_is_never_a_float():
    floats = [(m._meta.label, f.name) for m in our_models() for f in m._meta.fields
              if isinstance(f, models.FloatField)]
    assert floats == []


def test_every_model_that_belongs_to_a_district_or_enterprise_is_scoped():
    unscoped = [m._meta.label for m in our_models() if not hasattr(m, "scope_paths") and any(
        f.is_relation and f.related_model is not None and f.related_model._meta.label in SCOPING_TARGETS
        for f in m._meta.fields)]
    assert unscoped == []


@pytest.mark.django_db
@pytest.mark.parametrize("model", SCOPED, ids=lambda m: m._meta.label)
def test_scope_paths_resolve_for_every_role(model, personas):
    """Every declared path is a real lookup (no FieldError for any persona), and no role sees more than all."""
    total = model._base_manager.count()
    for user in vars(personas).values():
        if hasattr(user, "role"):
            for action in ("view", "change"):
                assert 0 <= model.objects.visible_to(user, action).count() <= total
