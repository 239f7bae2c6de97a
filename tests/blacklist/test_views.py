"""The staff pages: review requests, the scoped list and export, the entry's actions, publication batches."""

import datetime as dt
from decimal import Decimal

import pytest

from blacklist.choices import BatchStatus, ListingStatus
from blacklist.models import ListingEntry, PublicationBatch

from .factories import closed_case, listed_entry, notified_entry, review_request

pytestmark = pytest.mark.django_db


def test_review_page_checks_the_criteria_and_proposes(login, personas, partner):
    request = review_request(personas.chengguan_inspector, partner, personas.enterprise_a)
    client = login(personas.chengguan_inspector)
    page = client.get("/blacklist/")
    assert page.status_code == 200 and request.case.number in page.content.decode()
    review = client.get(f"/blacklist/reviews/{request.pk}/")
    assert "Arrears reach the criminal threshold" in review.content.decode()
    response = client.post(f"/blacklist/reviews/{request.pk}/", {
        "legal_representative": "张三", "other_person": "李经理", "other_person_role": "manager",
        "other_person_id": "620102198001010011", "facts": ""})
    entry = ListingEntry.objects.get()
    assert response.status_code == 302 and response.url == f"/blacklist/{entry.pk}/"
    assert [p.name for p in entry.persons.all()] == ["张三", "李经理"]
    detail = client.get(response.url).content.decode()
    assert "6201**********0011" in detail and "620102198001010011" not in detail


def test_other_district_gets_404(login, personas, partner):
    entry = notified_entry(personas.chengguan_inspector, partner, personas.enterprise_a)
    client = login(personas.qilihe_official)
    assert client.get(f"/blacklist/{entry.pk}/").status_code == 404
    assert client.post(f"/blacklist/{entry.pk}/act/decide/", {"listed": "1"}).status_code == 404
    assert client.get(f"/blacklist/reviews/{entry.escalation_id}/").status_code == 404


def test_decision_before_the_period_ends_is_refused_on_the_page(login, personas, partner):
    entry = notified_entry(personas.chengguan_inspector, partner, personas.enterprise_a)
    entry.objection_deadline = dt.date.today() + dt.timedelta(days=3)
    entry.save()
    client = login(personas.chengguan_official)
    response = client.post(f"/blacklist/{entry.pk}/act/decide/", {"listed": "1", "decision_number": "X1"})
    assert response.status_code == 400
    assert "before the objection period ends" in response.content.decode()
    entry.refresh_from_db()
    assert entry.status == ListingStatus.NOTIFIED


def test_an_action_the_user_may_not_take_is_403(login, personas, partner):
    entry = notified_entry(personas.chengguan_inspector, partner, personas.enterprise_a)
    client = login(personas.chengguan_inspector)
    assert client.post(f"/blacklist/{entry.pk}/act/decide/", {"listed": "1"}).status_code == 403


def test_list_exports_what_it_shows(login, personas, partner):
    listed_entry(personas.chengguan_inspector, partner, personas.chengguan_official, personas.enterprise_a)
    response = login(personas.city_leader).get("/blacklist/?status=listed&export=xlsx")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")


def test_enterprise_user_reads_its_own_entry_only(login, personas, partner):
    entry = listed_entry(personas.chengguan_inspector, partner, personas.chengguan_official, personas.enterprise_a)
    assert login(personas.enterprise_a_user).get(f"/blacklist/{entry.pk}/").status_code == 200
    assert login(personas.enterprise_b_user).get(f"/blacklist/{entry.pk}/").status_code == 404


def test_publication_pages_gather_and_publish(login, personas, partner):
    closed_case(personas.chengguan_inspector, partner, personas.enterprise_a, amount=Decimal("90000.00"))
    official = login(personas.chengguan_official)
    response = official.post("/blacklist/publications/gather/", {"day": "2026-08-15",
                                                                  "district": personas.enterprise_a.district_id})
    batch = PublicationBatch.objects.get()
    assert response.status_code == 302 and response.url == f"/blacklist/publications/{batch.pk}/"
    assert personas.enterprise_a.name in official.get(response.url).content.decode()
    refused = official.post(f"/blacklist/publications/{batch.pk}/act/publish/")
    assert refused.status_code == 400 and "second person" in refused.content.decode()
    login(personas.city_admin).post(f"/blacklist/publications/{batch.pk}/act/publish/")
    batch.refresh_from_db()
    assert batch.status == BatchStatus.PUBLISHED
    assert login(personas.qilihe_official).get(f"/blacklist/publications/{batch.pk}/").status_code == 404
