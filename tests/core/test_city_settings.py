"""City settings (core.city_settings): one dated, audited mechanism for the values a city sets itself.

The seed equals the constants (the default's single home); a row with a later effective date changes behaviour
from that date on; only a city administrator edits; officials read the list with value, since-date and basis."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from blacklist import rules as blacklist_rules
from cases import rules as cases_rules
from core.city_settings import SEED_EFFECTIVE_FROM, SETTINGS, city_setting, in_force
from core.models import CitySetting
from core.tasks import check_calendar_coverage
from enterprises import grading

D = dt.date


def later(key, value, since):
    row = CitySetting(key=key, value=str(value), effective_from=since)
    row.full_clean()
    row.save()
    return row


@pytest.mark.django_db
def test_the_seed_equals_the_constants():
    seeded = {row.key: row for row in CitySetting.objects.filter(effective_from=SEED_EFFECTIVE_FROM)}
    assert set(seeded) == set(SETTINGS)
    for key, spec in SETTINGS.items():
        assert seeded[key].value == str(spec.default), key
        assert seeded[key].note == spec.basis, key
        assert city_setting(key, D(2026, 6, 1)) == spec.default, key


def test_every_default_is_a_named_constant_that_exists():
    for spec in SETTINGS.values():
        module, name = spec.default_path.rsplit(".", 1)
        assert name.isupper(), spec.key
        assert spec.parse(str(spec.default)) == spec.default, spec.key


@pytest.mark.django_db
def test_a_later_value_applies_from_its_date_on():
    later("major_incident_workers", 30, D(2027, 1, 1))
    assert cases_rules.is_major_incident(40, D(2026, 12, 31)) is False
    assert cases_rules.is_major_incident(40, D(2027, 1, 1)) is True
    assert in_force("major_incident_workers", D(2027, 3, 1)) == (30, D(2027, 1, 1))


@pytest.mark.django_db
def test_grading_period_follows_the_setting_of_the_evaluation_year():
    later("grading_period_years", 2, D(2028, 1, 1))
    assert grading.evaluation_period(2027) == (D(2026, 1, 1), D(2026, 12, 31))
    assert grading.evaluation_period(2028) == (D(2026, 1, 1), D(2027, 12, 31))


@pytest.mark.django_db
def test_publication_interval_follows_the_setting():
    assert blacklist_rules.quarter_of(D(2027, 8, 15)) == (D(2027, 7, 1), D(2027, 9, 30), "2027Q3")
    later("publication_interval_months", 6, D(2028, 1, 1))
    assert blacklist_rules.quarter_of(D(2027, 8, 15))[2] == "2027Q3"
    assert blacklist_rules.quarter_of(D(2028, 8, 15)) == (D(2028, 7, 1), D(2028, 12, 31), "2028-07")


@pytest.mark.django_db
def test_calendar_warning_month_follows_the_setting():
    november = "2026-11-20"
    assert check_calendar_coverage(november)["next_year_missing"] is False
    later("calendar_warning_month", 11, D(2026, 11, 1))
    assert check_calendar_coverage(november)["next_year_missing"] is True


@pytest.mark.django_db
def test_the_order_form_offers_the_default_deadline_in_force():
    from cases.forms import OrderForm

    later("default_order_workdays", 10, D(2000, 1, 2))
    assert OrderForm()["workdays"].initial == 10


@pytest.mark.django_db
def test_a_save_is_read_at_once_despite_the_cache():
    assert city_setting("duplicate_window_days") == cases_rules.DUPLICATE_WINDOW_DAYS
    later("duplicate_window_days", 45, D(2000, 1, 2))
    assert city_setting("duplicate_window_days") == 45


@pytest.mark.parametrize(("key", "value"), [
    ("major_incident_workers", "fifty"),
    ("major_incident_workers", "1"),
    ("calendar_warning_month", "13"),
    ("jurisdiction_code", "62010"),
    ("crime_threshold_province", "GS"),
    ("publication_interval_months", "5"),
])
@pytest.mark.django_db
def test_a_value_of_the_wrong_type_or_range_is_refused(key, value):
    with pytest.raises(ValidationError) as error:
        CitySetting(key=key, value=value, effective_from=D(2027, 1, 1)).full_clean()
    assert "value" in error.value.message_dict


@pytest.mark.django_db
def test_an_unknown_key_is_refused():
    with pytest.raises(ValidationError):
        CitySetting(key="no_such_thing", value="1", effective_from=D(2027, 1, 1)).full_clean()
    with pytest.raises(KeyError):
        city_setting("no_such_thing")


ADD_URL = "/admin/core/citysetting/add/"


def _post(client):
    return client.post(ADD_URL, {"key": "duplicate_window_days", "value": "40", "effective_from": "2030-01-01",
                                 "note": "本市工作惯例"})


@pytest.mark.django_db
def test_only_a_city_administrator_edits_settings(personas, login):
    for user in (personas.city_leader, personas.chengguan_official, personas.chengguan_inspector,
                 personas.enterprise_a_user, personas.api_client):
        response = _post(login(user))
        assert response.status_code == 302 and "/admin/login/" in response["Location"], user.username
    assert not CitySetting.objects.filter(effective_from=D(2030, 1, 1)).exists()
    response = _post(login(personas.city_admin))
    assert response.status_code == 302
    row = CitySetting.objects.get(key="duplicate_window_days", effective_from=D(2030, 1, 1))
    assert row.value == "40" and row.history.count() == 1
    assert city_setting("duplicate_window_days", D(2030, 1, 1)) == 40


@pytest.mark.django_db
def test_a_value_in_force_stays_as_it_applied(personas, login):
    seeded = CitySetting.objects.get(key="duplicate_window_days", effective_from=SEED_EFFECTIVE_FROM)
    client = login(personas.city_admin)
    response = client.post(f"/admin/core/citysetting/{seeded.pk}/change/", {
        "key": "duplicate_window_days", "value": "1", "effective_from": "2000-01-01", "note": ""})
    assert response.status_code in (302, 403)
    seeded.refresh_from_db()
    assert seeded.value == str(cases_rules.DUPLICATE_WINDOW_DAYS)
    response = client.post(f"/admin/core/citysetting/{seeded.pk}/delete/", {"post": "yes"})
    assert CitySetting.objects.filter(pk=seeded.pk).exists()


@pytest.mark.django_db
def test_the_admin_refuses_a_bad_value(personas, login):
    response = login(personas.city_admin).post(ADD_URL, {"key": "calendar_warning_month", "value": "0",
                                                         "effective_from": "2030-01-01", "note": ""})
    assert response.status_code == 200 and "value" in response.context["adminform"].form.errors
    assert not CitySetting.objects.filter(effective_from=D(2030, 1, 1)).exists()


@pytest.mark.django_db
def test_officials_read_every_setting_with_its_basis(personas, login):
    later("major_incident_workers", 30, D(2099, 1, 1))
    response = login(personas.chengguan_official).get("/city-settings/")
    assert response.status_code == 200
    body = response.content.decode()
    for spec in SETTINGS.values():
        assert f'data-key="{spec.key}"' in body
        assert spec.basis in body
    assert "2099-01-01" in body
    assert "/admin/core/citysetting/" not in body  # the edit link is for city administrators


@pytest.mark.django_db
def test_enterprises_and_api_clients_do_not_read_the_settings_page(personas, login):
    for user in (personas.enterprise_a_user, personas.api_client):
        assert login(user).get("/city-settings/").status_code == 403
