"""seed_demo creates every role's demo login and is idempotent."""

import io

import pytest
from django.apps import apps
from django.core.management import call_command

from accounts.choices import Role
from accounts.models import User

pytestmark = pytest.mark.django_db


def row_counts():
    return {m._meta.label: m._base_manager.count() for m in apps.get_models()
            if m._meta.app_label not in {"sessions", "axes", "django_celery_results", "audit"}}


def test_seed_demo_creates_every_role_and_is_idempotent():
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    assert "Demo-pass-2026" in out.getvalue()
    assert set(User.objects.values_list("role", flat=True)) == set(Role.values)
    for user in User.objects.all():
        assert user.check_password("Demo-pass-2026"), user.username
    first = row_counts()
    call_command("seed_demo", stdout=io.StringIO())
    assert row_counts() == first


def test_if_empty_leaves_an_existing_database_alone(personas):
    before = User.objects.count()
    out = io.StringIO()
    call_command("seed_demo", "--if-empty", stdout=out)
    assert User.objects.count() == before
    assert "not loaded" in out.getvalue()
