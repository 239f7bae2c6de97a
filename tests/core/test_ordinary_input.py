"""Ordinary input is never a 500 (issue 16): numbers in filter bars and list APIs have a range, and a NUL
character anywhere in a request is refused with 400 before it reaches PostgreSQL."""

import copy
import importlib

import django_filters
import pytest
from django import forms
from django.urls import reverse

from core.filters import LARGEST_ID

pytestmark = pytest.mark.django_db


def _all_filtersets():
    importlib.import_module("wagewatch.urls")  # every view, and with it every filterset, is loaded
    found, todo = set(), [django_filters.FilterSet]
    while todo:
        cls = todo.pop()
        for sub in cls.__subclasses__():
            if sub not in found:
                found.add(sub)
                todo.append(sub)
    return sorted((c for c in found if c.__module__.split(".")[0] not in {"django_filters", "rest_framework"}),
                  key=lambda c: f"{c.__module__}.{c.__qualname__}")


NUMERIC_FIELDS = (forms.IntegerField, forms.DecimalField, forms.FloatField)


def test_every_number_filter_has_a_range():
    unbounded = []
    for filterset in _all_filtersets():
        # A copy: reading .field on the class-level filter caches a field for every later request.
        for name, flt in copy.deepcopy(filterset.base_filters).items():
            if not issubclass(flt.field_class, NUMERIC_FIELDS):
                continue
            field = flt.field
            limits = {type(v).__name__ for v in field.validators}
            if not {"MinValueValidator", "MaxValueValidator"} <= limits:
                unbounded.append(f"{filterset.__module__}.{filterset.__name__}.{name}")
    assert not unbounded, f"number filters without a range (use core.filters.YearFilter / IdFilter): {unbounded}"


OUT_OF_RANGE = ["0", "-1", "10000", "1e30", "２０２６"]


@pytest.mark.parametrize("value", OUT_OF_RANGE)
@pytest.mark.parametrize("url", ["deposits:list", "enterprises:grades", "enterprises:violations"])
def test_a_year_out_of_range_is_a_form_error_not_a_500(url, value, personas, login):
    response = login(personas.city_admin).get(reverse(url), {"year": value})
    assert response.status_code == 200


@pytest.mark.parametrize("value", ["0", "1e30", str(LARGEST_ID + 1)])
def test_an_id_out_of_range_is_refused(value, personas, login, api_client):
    assert login(personas.city_admin).get(reverse("deposits:list"), {"project": value}).status_code == 200
    api_client.force_authenticate(personas.city_admin)
    response = api_client.get("/api/v1/deposits/", {"project": value, "year": "1e30"})
    assert response.status_code == 400
    assert set(response.json()) >= {"project", "year"}


def test_a_year_in_range_still_filters(personas, login, api_client):
    api_client.force_authenticate(personas.city_admin)
    assert api_client.get("/api/v1/deposits/", {"year": "2026"}).status_code == 200
    assert api_client.get("/api/v1/credit-grades/", {"year": "2025"}).status_code == 200


@pytest.mark.parametrize("path", ["/public/verify/A%00B/", "/public/verify/?serial=A%00B&code=1",
                                  "/api/v1/certificates/verify?serial=A%00B&code=x",
                                  "/api/v1/certificates/verify?serial=%EF%BC%A1%EF%BC%A2&code=%00"])
def test_a_nul_character_is_a_400_for_anyone(path, client):
    response = client.get(path)
    assert response.status_code == 400
    assert "请求无法处理" in response.content.decode()


def test_a_full_width_serial_is_an_ordinary_miss(client):
    response = client.get("/api/v1/certificates/verify", {"serial": "ＡＢ", "code": "１２"})
    assert response.status_code == 404
    assert client.get("/public/verify/ＡＢ/", {"code": "１２"}).status_code == 404


def test_a_nul_in_a_posted_form_is_a_400(personas, login):
    client = login(personas.city_admin)
    assert client.get(reverse("deposits:list"), {"q": "a\x00b"}).status_code == 400
    response = client.post(reverse("home"), {"note": "a\x00b"})
    assert response.status_code == 400
