import pytest

from audit import events
from audit.kinds import AuditKind
from audit.models import AppendOnlyError, AuditEvent

pytestmark = pytest.mark.django_db


def test_audit_events_are_append_only(personas):
    entry = events.record(AuditKind.OBJECT_CHANGED, actor=personas.city_admin, obj=personas.enterprise_a)
    with pytest.raises(AppendOnlyError):
        entry.save()
    with pytest.raises(AppendOnlyError):
        entry.delete()
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.filter(pk=entry.pk).update(event="x")
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.all().delete()


def test_event_records_actor_object_and_district(personas):
    entry = events.personal_data_revealed(actor=personas.chengguan_inspector, obj=personas.enterprise_a,
                                          field="phone", reason="回访")
    assert entry.actor == personas.chengguan_inspector
    assert entry.object_type == "enterprises.enterprise"
    assert entry.object_id == str(personas.enterprise_a.pk)
    assert entry.district == personas.enterprise_a.district
    assert entry.data == {"field": "phone", "reason": "回访"}


def test_only_city_admins_read_the_audit_log(personas):
    events.record(AuditKind.OBJECT_CHANGED, actor=personas.city_admin)
    assert AuditEvent.objects.visible_to(personas.city_admin).count() == 1
    for user in (personas.city_leader, personas.chengguan_official, personas.enterprise_a_user, personas.api_client):
        assert AuditEvent.objects.visible_to(user).count() == 0


def test_logins_are_audited_with_address(client, personas):
    client.post("/accounts/login/", {"username": "chengguan_inspector", "password": "wrong-password"},
                REMOTE_ADDR="10.1.2.3")
    failed = AuditEvent.objects.get(event="login_failed")
    assert failed.success is False and failed.data["username"] == "chengguan_inspector"
    assert failed.ip_address == "10.1.2.3"
    client.post("/accounts/login/", {"username": "chengguan_inspector", "password": "Test-pass-2026"})
    assert AuditEvent.objects.filter(event="login_succeeded", actor=personas.chengguan_inspector).count() == 1
