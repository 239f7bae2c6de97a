"""The public complaint form counts ACCEPTED complaints against the hourly limit: mistakes the form points
out cost nothing, raw attempts are bounded generously, and a refusal keeps what was typed, says how long
to wait and links the 12333 hotline."""

import pytest
from django.urls import reverse

from cases.models import Complaint
from cases.views import intake

pytestmark = pytest.mark.django_db


def _valid(personas, **changes):
    data = {"kind": "complaint", "complainant_name": "张三", "complainant_phone": "13900001111",
            "employer_name": personas.enterprise_a.name, "district": personas.enterprise_a.district_id,
            "workers_count": 1, "amount_owed": "3000", "description": "三个月工资未发"}
    data.update(changes)
    return data


def test_mistakes_do_not_count_towards_the_limit(personas, client):
    url = reverse("cases:public-complaint")
    for _ in range(8):  # honest mistakes: an invalid ID number
        response = client.post(url, _valid(personas, complainant_id_number="110105194912310021"))
        assert response.status_code == 400
    limit = intake.SUBMIT_LIMIT_PER_IP[0]
    for n in range(limit):
        response = client.post(url, _valid(personas, description=f"第{n}次"))
        assert response.status_code == 302, n
    assert Complaint.objects.count() == limit


def test_over_the_limit_the_form_keeps_the_input_and_says_how_long_to_wait(personas, client):
    url = reverse("cases:public-complaint")
    limit = intake.SUBMIT_LIMIT_PER_IP[0]
    for _ in range(limit):
        assert client.post(url, _valid(personas)).status_code == 302
    response = client.post(url, _valid(personas, description="工地上的十二个人都没拿到工资"))
    html = response.content.decode()
    assert response.status_code == 429
    assert 'data-testid="rate-limited"' in html and 'href="tel:12333"' in html
    assert "工地上的十二个人都没拿到工资" in html and 'value="张三"' in html  # nothing typed is lost
    assert "minutes" in html and 0 < int(response["Retry-After"]) <= 3600
    assert Complaint.objects.count() == limit


def test_another_address_is_not_affected(personas, client):
    url = reverse("cases:public-complaint")
    for _ in range(intake.SUBMIT_LIMIT_PER_IP[0]):
        client.post(url, _valid(personas))
    assert client.post(url, _valid(personas), REMOTE_ADDR="10.9.9.9").status_code == 302


def test_raw_attempts_are_bounded_generously(personas, client, monkeypatch):
    monkeypatch.setattr(intake, "ATTEMPT_LIMIT_PER_IP", (3, 3600))
    url = reverse("cases:public-complaint")
    codes = [client.post(url, _valid(personas, complainant_phone="")).status_code for _ in range(4)]
    assert codes == [400, 400, 400, 429]


def test_the_status_page_refusal_says_how_long_and_links_12333(personas, client):
    url = reverse("cases:public-status")
    for i in range(intake.STATUS_LIMIT_PER_IP[0]):
        client.post(url, {"tracking_number": f"T2026010100000{i}", "phone_last4": "1234"})
    response = client.post(url, {"tracking_number": "T20260101000009", "phone_last4": "1234"})
    assert response.status_code == 429 and 'href="tel:12333"' in response.content.decode()
    assert int(response["Retry-After"]) <= 15 * 60


def test_the_generous_attempt_bound_stays_well_above_the_accepted_limit():
    assert intake.ATTEMPT_LIMIT_PER_IP[0] >= 10 * intake.SUBMIT_LIMIT_PER_IP[0]
