"""The contractor's first project or deposit in the city (65号 Art. 12 counts clean years from it): entered by an
official on the enterprise form for history before the platform, and read back by the API."""

import datetime as dt

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_an_official_enters_the_first_activity_date_and_the_api_returns_it(personas, login, api_client):
    enterprise = personas.enterprise_a
    client = login(personas.chengguan_official)
    form = client.get(reverse("enterprises:update", args=[enterprise.pk])).context["form"]
    assert "first_activity_on" in form.fields
    data = {name: form.initial.get(name) for name in form.fields if form.initial.get(name) is not None}
    data["first_activity_on"] = "2018-04-02"
    response = client.post(reverse("enterprises:update", args=[enterprise.pk]), data)
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    enterprise.refresh_from_db()
    assert enterprise.first_activity_on == dt.date(2018, 4, 2)
    api_client.force_authenticate(personas.city_admin)
    body = api_client.get(f"/api/v1/enterprises/{enterprise.pk}/").json()
    assert body["first_activity_on"] == "2018-04-02"
