"""The one writer of an audit event and its line on the enterprise's file (enterprises.timeline)."""

import ast
from pathlib import Path

import pytest
from django.conf import settings

from audit.kinds import AuditKind
from audit.models import AuditEvent
from enterprises import timeline
from enterprises.choices import TimelineKind
from enterprises.models import TimelineEntry
from tests.factories import EnterpriseFactory

pytestmark = pytest.mark.django_db


def test_both_are_written_with_the_audit_detail_and_the_served_flag(personas):
    enterprise = personas.enterprise_a
    entries = timeline.record_with_timeline(
        AuditKind.CASE_ORDER_ISSUED, enterprise, TimelineKind.CASE, "order", actor=personas.city_admin,
        obj=enterprise, detail="why", url="/x/", served=True, kind="k", enterprise=enterprise.pk)
    event = AuditEvent.objects.get(event="case_order_issued")
    # kind= and enterprise= are audit detail: the writer's own first arguments are positional-only.
    assert event.data == {"kind": "k", "enterprise": enterprise.pk}
    assert event.district == enterprise.district
    [entry] = entries
    assert (entry.kind, entry.title, entry.detail, entry.url, entry.visible_to_enterprise) == (
        TimelineKind.CASE, "order", "why", "/x/", True)


def test_neither_is_written_when_the_timeline_line_fails(personas, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("file unavailable")

    monkeypatch.setattr(timeline, "add_entry", broken)
    with pytest.raises(RuntimeError):
        timeline.record_with_timeline(AuditKind.LISTING_DECIDED, personas.enterprise_a, TimelineKind.BLACKLIST,
                                      "listed", actor=personas.city_admin, obj=personas.enterprise_a)
    assert not AuditEvent.objects.filter(event="listing_decided").exists()


def test_no_enterprise_writes_the_audit_event_alone_and_several_get_the_line_once(personas, chengguan):
    assert timeline.record_with_timeline(AuditKind.COMPLAINT_RECEIVED, None, TimelineKind.COMPLAINT, "c",
                                         district=chengguan) == []
    assert AuditEvent.objects.filter(event="complaint_received").count() == 1
    other = EnterpriseFactory(district=chengguan)
    before = TimelineEntry.objects.count()
    timeline.record_with_timeline(AuditKind.PROJECT_STATUS_CHANGED, [personas.enterprise_a, other,
                                                                     personas.enterprise_a],
                                  TimelineKind.PROJECT, "p", obj=other)
    assert TimelineEntry.objects.count() == before + 2


def test_no_module_pairs_an_audit_event_with_a_timeline_line_by_hand():
    """A function that calls both events.record and add_entry is a second audit + timeline writer: use
    record_with_timeline. (Removing a contact is the one exception: the audit row names the contact before
    it is deleted, the file line after, without a link to the gone record.)"""
    allowed = {("enterprises/services.py", "delete_contact")}
    root = Path(settings.BASE_DIR)
    found = []
    for package in ("accounts", "audit", "blacklist", "cases", "certificates", "core", "deposits",
                    "enterprises", "kernel", "portal", "projects"):
        for path in (root / package).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for function in ast.walk(tree):
                if not isinstance(function, ast.FunctionDef):
                    continue
                called = {node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
                          for node in ast.walk(function) if isinstance(node, ast.Call)}
                audits = called & {"record", "object_created", "object_changed", "personal_data_revealed"}
                if audits and "add_entry" in called:
                    name = (str(path.relative_to(root)), function.name)
                    if name not in allowed and name != ("enterprises/timeline.py", "record_with_timeline"):
                        found.append(name)
    assert not found, found
