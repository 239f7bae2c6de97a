"""The joint-punishment feed for departments (DepartmentGrant on blacklist.punishmentnotice): a since=
cursor for incremental sync, scoped by the grant's districts, refused without a grant or a login."""

import datetime as dt

import pytest

from blacklist import services
from blacklist.choices import NoticeKind
from blacklist.models import ListingEntry
from tests.factories import DepartmentGrantFactory, EnterpriseFactory

from .factories import listed_entry

pytestmark = pytest.mark.django_db
FEED = "/api/v1/blacklist/feed/"


@pytest.fixture
def two_listings(personas, partner, qilihe):
    from tests.cases.factories import inspector

    first = listed_entry(personas.chengguan_inspector, partner, personas.chengguan_official, personas.enterprise_a)
    second_partner = inspector(qilihe, "qilihe_inspector_2")
    second = listed_entry(personas.qilihe_inspector, second_partner, personas.qilihe_official,
                          personas.enterprise_b)
    services.expire_listings(on=dt.date(2029, 7, 10))
    return first, second


def test_since_cursor_returns_only_newer_notices(api_client, personas, two_listings):
    DepartmentGrantFactory(department=personas.api_client.department, resource="blacklist.punishmentnotice")
    api_client.force_authenticate(personas.api_client)
    body = api_client.get(FEED, {"since": 0, "limit": 3}).json()
    assert [n["kind"] for n in body["results"]] == [NoticeKind.LISTED, NoticeKind.LISTED, NoticeKind.EXPIRED]
    assert body["has_more"] is True
    assert body["next_since"] == body["results"][-1]["id"]
    rest = api_client.get(FEED, {"since": body["next_since"]}).json()
    assert [n["kind"] for n in rest["results"]] == [NoticeKind.EXPIRED]
    assert rest["has_more"] is False
    done = api_client.get(FEED, {"since": rest["next_since"]}).json()
    assert done == {"results": [], "next_since": rest["next_since"], "has_more": False}
    assert body["results"][0]["payload"]["credit_code"] == personas.enterprise_a.credit_code


def test_a_district_grant_limits_the_feed(api_client, personas, two_listings, chengguan):
    grant = DepartmentGrantFactory(department=personas.api_client.department, resource="blacklist.punishmentnotice")
    grant.districts.set([chengguan])
    api_client.force_authenticate(personas.api_client)
    results = api_client.get(FEED).json()["results"]
    assert {n["entry"] for n in results} == {two_listings[0].pk}


def test_no_grant_no_notices_and_anonymous_refused(api_client, personas, two_listings):
    api_client.force_authenticate(personas.api_client)
    assert api_client.get(FEED).json()["results"] == []
    api_client.force_authenticate(None)
    assert api_client.get(FEED).status_code in (401, 403)


def test_bad_cursor_is_a_400(api_client, personas):
    api_client.force_authenticate(personas.city_admin)
    assert api_client.get(FEED, {"since": "abc"}).status_code == 400
    assert api_client.get(FEED, {"since": -1}).status_code == 400


def test_entries_api_is_scoped(api_client, personas, two_listings):
    api_client.force_authenticate(personas.chengguan_official)
    body = api_client.get("/api/v1/blacklist/entries/").json()
    assert [e["id"] for e in body["results"]] == [two_listings[0].pk]
    assert api_client.get(f"/api/v1/blacklist/entries/{two_listings[1].pk}/").status_code == 404
    person = body["results"][0]["persons"][0]
    assert set(person) == {"name", "role", "id_number"}
    EnterpriseFactory()  # unrelated enterprises do not leak into the list
    assert api_client.get("/api/v1/blacklist/entries/").json()["count"] == 1


def test_a_department_does_not_read_an_entry_during_its_objection_period(api_client, personas, partner, qilihe):
    """45号 prior notice: until the decision the party may object. A department granted blacklist.listingentry
    reads published entries only, persons and facts included; a separately named pre-publication grant
    (blacklist.prepublicationlisting) opens the earlier states."""
    from blacklist.choices import ListingStatus
    from tests.cases.factories import inspector

    from .factories import notified_entry

    listed = listed_entry(personas.chengguan_inspector, partner, personas.chengguan_official, personas.enterprise_a)
    notified = notified_entry(personas.qilihe_inspector, inspector(qilihe, "qilihe_inspector_2"),
                              personas.enterprise_b)
    assert notified.status == ListingStatus.NOTIFIED and notified.persons.exists()
    department = personas.api_client.department
    DepartmentGrantFactory(department=department, resource="blacklist.listingentry")
    DepartmentGrantFactory(department=department, resource="blacklist.listedperson")
    api_client.force_authenticate(personas.api_client)
    body = api_client.get("/api/v1/blacklist/entries/").json()
    assert [e["id"] for e in body["results"]] == [listed.pk]
    assert api_client.get(f"/api/v1/blacklist/entries/{notified.pk}/").status_code == 404
    assert api_client.get("/api/v1/blacklist/entries/", {"status": "notified"}).json()["count"] == 0
    from blacklist.models import ListedPerson

    persons = ListedPerson.objects.visible_to(personas.api_client)
    assert set(persons.values_list("entry_id", flat=True)) == {listed.pk}
    # staff still see the proposal; the pre-publication grant opens it to the department
    assert ListingEntry.objects.visible_to(personas.city_admin).filter(pk=notified.pk).exists()
    DepartmentGrantFactory(department=department, resource="blacklist.prepublicationlisting")
    assert api_client.get(f"/api/v1/blacklist/entries/{notified.pk}/").status_code == 200


def test_the_feed_carries_published_entries_only(api_client, personas, two_listings):
    from blacklist.models import PunishmentNotice

    DepartmentGrantFactory(department=personas.api_client.department, resource="blacklist.punishmentnotice")
    entry = two_listings[0]
    ListingEntry.objects.filter(pk=entry.pk).update(published_at=None)  # e.g. a decision not yet published
    api_client.force_authenticate(personas.api_client)
    results = api_client.get(FEED).json()["results"]
    assert entry.pk not in {n["entry"] for n in results} and results
    assert PunishmentNotice.objects.filter(entry=entry).exists()
