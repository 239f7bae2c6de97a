"""The public portal: no login, hotlines per district and 12333, the complaint form and status page, the
published list and violations with search, verification; rate-limited; no personal data of workers."""

import datetime as dt
from decimal import Decimal

import pytest

from accounts.models import District
from blacklist import services
from tests.blacklist.factories import closed_case, listed_entry, notified_entry
from tests.factories import EnterpriseFactory

pytestmark = pytest.mark.django_db


def test_home_tells_how_to_report(client, personas):
    District.objects.filter(code="620102").update(hotline="0931-8888001")
    html = client.get("/public/").content.decode()
    assert "12333" in html and "0931-8888001" in html
    for url in ("/cases/public/complaint/", "/cases/public/status/", "/public/blacklist/", "/public/violations/",
                "/public/verify/"):
        assert f'href="{url}"' in html, url
    assert 'name="viewport"' in html


def test_public_list_shows_listed_enterprises_only_after_the_decision(client, personas, partner):
    pending = notified_entry(personas.chengguan_inspector, partner, EnterpriseFactory(name="丙劳务有限公司"))
    assert pending.enterprise.name not in client.get("/public/blacklist/").content.decode()
    entry = listed_entry(personas.chengguan_inspector, partner, personas.chengguan_official, personas.enterprise_a)
    html = client.get("/public/blacklist/").content.decode()
    assert entry.enterprise.name in html and entry.decision_number in html
    assert entry.enterprise.legal_representative in html
    assert pending.enterprise.name not in html
    # the last day in force: the corresponding day three years on (民法典 Arts. 201–202), not the day before
    assert entry.last_day_in_force == entry.listed_on.replace(year=entry.listed_on.year + 3)
    assert f'data-testid="last-day-in-force">{entry.last_day_in_force:%Y-%m-%d}' in html


def test_search_and_no_personal_data(client, personas, partner):
    entry = listed_entry(personas.chengguan_inspector, partner, personas.chengguan_official, personas.enterprise_a)
    person = entry.persons.get()
    person.id_number = "620102197001010011"
    person.save()
    found = client.get("/public/blacklist/", {"q": personas.enterprise_a.credit_code[:10]}).content.decode()
    assert personas.enterprise_a.name in found
    assert "620102197001010011" not in found and "0011" not in found
    none = client.get("/public/blacklist/", {"q": "不存在的公司"}).content.decode()
    assert personas.enterprise_a.name not in none and 'data-testid="empty"' in none


def test_expired_listing_leaves_the_public_list(client, personas, partner):
    entry = listed_entry(personas.chengguan_inspector, partner, personas.chengguan_official, personas.enterprise_a)
    services.expire_listings(on=dt.date(2029, 7, 9))  # its last day in force: still listed
    assert entry.enterprise.name in client.get("/public/blacklist/").content.decode()
    services.expire_listings(on=dt.date(2029, 7, 10))
    assert entry.enterprise.name not in client.get("/public/blacklist/").content.decode()


def test_violations_page_and_search(client, personas, partner):
    case = closed_case(personas.chengguan_inspector, partner, personas.enterprise_a, amount=Decimal("90000.00"))
    batch = services.gather_batch(actor=personas.chengguan_official, day=dt.date(2026, 8, 1), district=case.district)
    assert personas.enterprise_a.name not in client.get("/public/violations/").content.decode()  # draft
    services.publish_batch(batch, actor=personas.city_admin)
    assert personas.enterprise_a.name in client.get("/public/violations/", {"q": "甲建设"}).content.decode()


def test_public_pages_are_rate_limited(client, personas, monkeypatch):
    from portal import views

    monkeypatch.setattr(views, "PAGE_LIMIT", (2, 60))
    assert client.get("/public/").status_code == 200
    assert client.get("/public/blacklist/").status_code == 200
    response = client.get("/public/violations/")
    assert response.status_code == 429 and response["Retry-After"] == "60"


def test_searches_have_their_own_tighter_limit(client, personas, monkeypatch):
    from portal import views

    monkeypatch.setattr(views, "SEARCH_LIMIT", (1, 60))
    assert client.get("/public/blacklist/", {"q": "甲"}).status_code == 200
    assert client.get("/public/blacklist/", {"q": "乙"}).status_code == 429
    assert client.get("/public/blacklist/").status_code == 200


def test_staff_pages_stay_closed_to_anonymous(client, personas):
    for url in ("/blacklist/", "/blacklist/publications/", "/certificates/", "/certificates/restricted-bidders/"):
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response.url, url
