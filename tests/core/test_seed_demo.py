"""seed_demo creates every role's demo login and is idempotent."""

import io

import pytest
from django.apps import apps
from django.core.management import call_command

from accounts.models import User
from kernel.roles import Role

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


def test_seed_demo_prints_every_login_and_has_a_clean_enterprise_account():
    """Issue 10: the only enterprise account could never get a certificate (its open case blocks it)."""
    from django.utils import timezone

    from certificates import services as certificates
    from certificates.choices import Outcome, Purpose

    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    printed = out.getvalue().split("Demo logins")[-1]
    for user in User.objects.select_related("district", "enterprise"):
        line = next((row for row in printed.splitlines() if row.split()[:1] == [user.username]), "")
        assert "Demo-pass-2026" in line and str(Role(user.role).label) in line, user.username
        scope = user.enterprise or user.district
        assert scope is None or scope.name in line, user.username
    today = timezone.localdate()
    blocked = User.objects.get(username="enterprise_a")
    clean = User.objects.get(username="enterprise_b")
    assert clean.role == Role.ENTERPRISE and clean.enterprise != blocked.enterprise
    refused = certificates.apply(blocked.enterprise, actor=blocked, purpose=Purpose.BIDDING, purpose_detail="投标",
                                 on=today)
    assert refused.outcome != Outcome.ISSUED
    issued = certificates.apply(clean.enterprise, actor=clean, purpose=Purpose.BIDDING, purpose_detail="投标", on=today)
    assert issued.outcome == Outcome.ISSUED and issued.certificate is not None
