"""Rule parameters: effective-dated rows from each SPEC's default, added in the admin within the Param's bounds,
never edited in place; the value in force on a day is what a rule reads."""

import datetime as dt

import pytest
from django.contrib.admin.sites import site

from earlywarning.admin import RuleParameterForm
from earlywarning.models import RuleParameter
from earlywarning.parameters import SEED_EFFECTIVE_FROM, parameters_on

D = dt.date
pytestmark = pytest.mark.django_db


def test_the_seed_holds_every_spec_default():
    row = RuleParameter.objects.get(rule="W20", key="pre_alert_workdays")
    assert row.value == "50" and row.effective_from == SEED_EFFECTIVE_FROM
    assert parameters_on("W20", D(2026, 6, 1)) == {"pre_alert_workdays": 50}


def test_a_new_value_takes_effect_from_its_date_and_the_old_one_stays():
    form = RuleParameterForm(
        {
            "parameter": "W20:pre_alert_workdays",
            "value": "45",
            "effective_from": "2026-07-01",
            "note": "市人社局2026年第3号通知",
        }
    )
    assert form.is_valid(), form.errors
    form.save()
    assert parameters_on("W20", D(2026, 6, 30)) == {"pre_alert_workdays": 50}
    assert parameters_on("W20", D(2026, 7, 1)) == {"pre_alert_workdays": 45}
    assert RuleParameter.objects.filter(rule="W20", key="pre_alert_workdays").count() == 2


@pytest.mark.parametrize("value", ["0", "60", "abc", "4.5"])
def test_values_outside_the_bounds_are_refused(value):
    form = RuleParameterForm({"parameter": "W20:pre_alert_workdays", "value": value, "effective_from": "2026-07-01"})
    assert not form.is_valid() and "value" in form.errors


def test_rows_are_added_never_changed_or_deleted(personas):
    admin = site._registry[RuleParameter]
    row = RuleParameter.objects.first()

    class Request:
        user = personas.city_admin

    assert admin.has_change_permission(Request(), None) is True  # the list and the add form
    assert admin.has_change_permission(Request(), row) is False
    assert admin.has_delete_permission(Request(), row) is False
