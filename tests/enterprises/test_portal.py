"""The enterprise portal: an enterprise user sees and updates its own file and contacts, with audit,
and nothing of other enterprises."""

from django.urls import reverse

from audit.models import AuditEvent
from enterprises.models import Contact, TimelineEntry
from tests.factories import ContactFactory


def test_our_enterprise_leads_to_the_own_file(personas, login):
    client = login(personas.enterprise_a_user)
    response = client.get(reverse("enterprises:mine"))
    assert response.status_code == 302 and response.url == personas.enterprise_a.get_absolute_url()
    page = client.get(response.url).content.decode()
    assert 'data-testid="timeline"' in page
    assert "Record violation" not in page and "Propose grade" not in page


def test_staff_are_sent_home_from_our_enterprise(personas, login):
    assert login(personas.chengguan_official).get(reverse("enterprises:mine")).url == reverse("home")


def test_an_enterprise_user_updates_its_address_with_audit_and_timeline(personas, login):
    enterprise = personas.enterprise_a
    response = login(personas.enterprise_a_user).post(
        reverse("enterprises:update", args=[enterprise.pk]),
        {"address": "城关区新址路1号", "name": "改名有限公司", "legal_representative": "某人", "grade": "A"},
    )
    assert response.status_code == 302
    enterprise.refresh_from_db()
    assert enterprise.address == "城关区新址路1号"
    assert (enterprise.name, enterprise.legal_representative, enterprise.grade) == ("甲建设有限公司", "张三", "")
    event = AuditEvent.objects.get(event="object_changed", object_id=str(enterprise.pk))
    assert event.actor == personas.enterprise_a_user and event.data["changed"] == ["address"]
    assert TimelineEntry.objects.filter(enterprise=enterprise, kind="updated").exists()
    assert enterprise.history.latest().history_user == personas.enterprise_a_user


def test_the_portal_form_shows_only_the_address(personas, login):
    page = login(personas.enterprise_a_user).get(reverse("enterprises:update", args=[personas.enterprise_a.pk]))
    body = page.content.decode()
    assert 'name="address"' in body and 'name="name"' not in body and 'name="credit_code"' not in body


def test_an_enterprise_user_cannot_touch_another_enterprise(personas, login):
    other = personas.enterprise_b
    contact = ContactFactory(enterprise=other)
    client = login(personas.enterprise_a_user)
    assert client.get(other.get_absolute_url()).status_code == 404
    assert client.post(reverse("enterprises:update", args=[other.pk]), {"address": "x"}).status_code == 404
    assert client.post(reverse("enterprises:contact-create", args=[other.pk]),
                       {"name": "x", "phone": "13800000000"}).status_code == 404
    assert client.post(reverse("enterprises:contact-update", args=[contact.pk]),
                       {"name": "x", "phone": ""}).status_code == 404
    assert client.post(reverse("enterprises:contact-delete", args=[contact.pk])).status_code == 404
    other.refresh_from_db()
    assert other.address == "" and Contact.objects.filter(pk=contact.pk, name="李四").exists()


def test_an_enterprise_user_manages_its_contacts(personas, login):
    client = login(personas.enterprise_a_user)
    enterprise = personas.enterprise_a
    response = client.post(reverse("enterprises:contact-create", args=[enterprise.pk]),
                           {"name": "刘六", "position": "劳资专管员", "phone": "13912345678"})
    assert response.status_code == 302
    contact = Contact.objects.get(enterprise=enterprise, name="刘六")
    assert contact.phone == "13912345678"
    created = AuditEvent.objects.get(event="object_created", object_type="enterprises.contact")
    assert "13912345678" not in str(created.data)

    page = client.get(reverse("enterprises:contact-update", args=[contact.pk])).content.decode()
    assert "13912345678" not in page and "139****5678" in page
    client.post(reverse("enterprises:contact-update", args=[contact.pk]), {"name": "刘六", "position": "经理",
                                                                            "phone": ""})
    contact.refresh_from_db()
    assert (contact.position, contact.phone) == ("经理", "13912345678")
    changed = AuditEvent.objects.get(event="object_changed", object_type="enterprises.contact")
    assert changed.data["changed"] == ["position"]

    client.post(reverse("enterprises:contact-delete", args=[contact.pk]))
    assert not Contact.objects.filter(pk=contact.pk).exists()
    assert AuditEvent.objects.filter(event="object_deleted", object_id=str(contact.pk)).exists()
    assert TimelineEntry.objects.filter(enterprise=enterprise, title__contains="刘六").count() == 3


def test_the_phone_is_masked_on_the_file(personas, login):
    ContactFactory(enterprise=personas.enterprise_a, phone="13812345678")
    body = login(personas.enterprise_a_user).get(personas.enterprise_a.get_absolute_url()).content.decode()
    assert "138****5678" in body and "13812345678" not in body


def test_an_enterprise_user_cannot_register_import_or_record(personas, login):
    client = login(personas.enterprise_a_user)
    assert client.get(reverse("enterprises:create")).status_code == 403
    assert client.get(reverse("enterprises:import")).status_code == 403
    assert client.get(reverse("enterprises:violation-create", args=[personas.enterprise_a.pk])).status_code == 403
    assert client.post(reverse("enterprises:grade-propose", args=[personas.enterprise_a.pk])).status_code == 403
