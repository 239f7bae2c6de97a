"""Saving an edit form unchanged changes nothing, for every model form of every app (issue 10).

Each edit page of an existing record is opened, what it rendered (every input, select and textarea, the way
a browser submits it) is posted back, and the record must be exactly as before. The defect this guards
against: a date rendered in the display format (`2025/10/01`) into an <input type="date">, which the
browser shows empty and the next save erases.

A new model form cannot escape: every ModelForm subclass of the project's apps must have a round-trip case
below or a stated reason why no page edits a record with it.
"""

import copy
import datetime as dt
import importlib
import pkgutil
from decimal import Decimal

import pytest
from django import forms
from django.db import models

from core.widgets import ISO_WIDGETS
from tests.factories import ContactFactory, EnterpriseFactory, ViolationFactory

from .formpages import as_post_data, form_with

PROJECT_APPS = ["accounts", "audit", "core", "enterprises", "projects", "cases", "deposits", "blacklist",
                "certificates", "portal", "inspections"]


def _import_everything():
    """Import every module of the project's apps (forms live in forms.py, views and filtersets)."""
    for app in PROJECT_APPS:
        package = importlib.import_module(app)
        for info in pkgutil.walk_packages(package.__path__, prefix=f"{app}."):
            if ".migrations" in info.name or ".management" in info.name:
                continue
            importlib.import_module(info.name)


def _subclasses(cls):
    for sub in cls.__subclasses__():
        yield sub
        yield from _subclasses(sub)


def project_form_classes(base):
    _import_everything()
    return sorted({c for c in _subclasses(base) if c.__module__.split(".")[0] in PROJECT_APPS},
                  key=lambda c: f"{c.__module__}.{c.__qualname__}")


def _name(cls):
    return f"{cls.__module__}.{cls.__qualname__}"


# --- the round-trip cases: (user, edit URL, record, a field name of the form) ----------------------------

def _project(personas):
    from tests.projects.factories import ProjectFactory

    project = ProjectFactory(
        district=personas.chengguan_official.district, general_contractor=personas.enterprise_a,
        contract_amount=Decimal("36123456.78"), government_invested=True, funding_source="fiscal",
        contract_signed_on=dt.date(2025, 10, 1), planned_start_on=dt.date(2025, 11, 3),
        planned_completion_on=dt.date(2027, 6, 30), permit_number="620102202510010101",
        manager_name="赵经理", manager_phone="13912340000", wage_officer_phone="0931-8123456", pay_day=15)
    return personas.chengguan_official, f"/projects/{project.pk}/edit/", project, "contract_signed_on"


def _wage_account(personas):
    from tests.projects.factories import ProjectFactory, WageAccountFactory

    project = ProjectFactory(district=personas.chengguan_official.district, general_contractor=personas.enterprise_a)
    account = WageAccountFactory(project=project, opened_on=dt.date(2025, 10, 8), allocation_basis="amount",
                                 allocation_amount=Decimal("250000.00"), account_name="甲工程农民工工资专用账户")
    return personas.chengguan_official, f"/projects/{project.pk}/account/", account, "opened_on"


def _enterprise(personas):
    enterprise = EnterpriseFactory(district=personas.chengguan_official.district, former_names="旧名一\n旧名二",
                                   address="城关区庆阳路1号", industry="E", registered_capital=Decimal("5000.50"),
                                   employee_count=320, insured_count=300, state_owned=True)
    return personas.chengguan_official, f"/enterprises/{enterprise.pk}/edit/", enterprise, "credit_code"


def _enterprise_portal(personas):
    enterprise = personas.enterprise_a
    enterprise.address = "城关区张掖路2号"
    enterprise.save()
    return personas.enterprise_a_user, f"/enterprises/{enterprise.pk}/edit/", enterprise, "address"


def _contact(personas):
    contact = ContactFactory(enterprise=personas.enterprise_a, phone="0931-8765432-12")
    return personas.chengguan_official, f"/enterprises/contacts/{contact.pk}/edit/", contact, "phone"


def _violation(personas):
    violation = ViolationFactory(enterprise=personas.enterprise_a, decided_on=dt.date(2025, 10, 1),
                                 decision_number="兰人社监罚〔2025〕12号", fine_amount=Decimal("20000.00"),
                                 description="拖欠工资\n两个月")
    return personas.chengguan_official, f"/enterprises/violations/{violation.pk}/edit/", violation, "decided_on"


def _city_setting(personas):
    from core.models import CitySetting

    setting = CitySetting.objects.create(key="default_order_workdays", value="20", note="本市惯例",
                                         effective_from=dt.date.today() + dt.timedelta(days=40))
    return personas.city_admin, f"/admin/core/citysetting/{setting.pk}/change/", setting, "effective_from"


def _attendance(personas):
    from tests.projects.factories import AttendanceFactory, EmploymentFactory, ProjectFactory

    project = ProjectFactory(district=personas.chengguan_official.district, general_contractor=personas.enterprise_a)
    record = AttendanceFactory(employment=EmploymentFactory(project=project), month=dt.date(2025, 10, 1),
                               days_on_site=Decimal("21.5"))
    return personas.chengguan_official, f"/projects/attendance/{record.pk}/edit/", record, "days_on_site"


def _inspector(personas):
    from tests.inspections.factories import InspectorFactory

    inspector = InspectorFactory(district=personas.chengguan_official.district, certificate_number="甘执020001",
                                 certificate_expires_on=dt.date(2029, 6, 30), grid_area="东岗街道", phone="13912345678",
                                 user=personas.chengguan_inspector)
    return personas.chengguan_official, f"/inspections/{inspector.pk}/edit/", inspector, "certificate_expires_on"


ROUNDTRIP = {
    "core.admin.CitySettingForm": _city_setting,
    "projects.forms.ProjectForm": _project,
    "projects.forms.WageAccountForm": _wage_account,
    "projects.forms.AttendanceForm": _attendance,
    "enterprises.forms.EnterpriseForm": _enterprise,
    "enterprises.forms.EnterprisePortalForm": _enterprise_portal,
    "enterprises.forms.ContactForm": _contact,
    "enterprises.forms.ViolationForm": _violation,
    "inspections.forms.InspectorForm": _inspector,
}

# Model forms no page uses to edit an existing record (so a round trip has nothing to keep), and why.
CREATE_ONLY = {
    "projects.forms.SubcontractorForm": "a subcontract is added once; there is no edit page",
    "projects.forms.MovementForm": "an account movement is booked once, like a ledger line",
    "enterprises.forms.SupervisionPolicyForm": "a policy version is never edited: a new version starts on a date",
    "cases.forms.ComplaintFormBase": "a complaint is received once; later steps are actions, not edits",
    "cases.forms.DeskComplaintForm": "a complaint is received once; later steps are actions, not edits",
    "cases.forms.PublicComplaintForm": "a complaint is received once; later steps are actions, not edits",
    "cases.forms.MassIncidentForm": "an incident is recorded once; there is no edit page",
    "inspections.forms.PlanForm": "a plan is created once; its batches and draws are actions, not edits",
}


def test_every_model_form_has_a_round_trip_case_or_a_reason():
    found = {_name(c) for c in project_form_classes(forms.ModelForm)}
    assert found, "no model form discovered: the discovery is broken"
    missing = found - ROUNDTRIP.keys() - CREATE_ONLY.keys()
    assert not missing, f"model forms without a round-trip case in {__name__}: {sorted(missing)}"
    stale = (ROUNDTRIP.keys() | CREATE_ONLY.keys()) - found
    assert not stale, f"registered forms that no longer exist: {sorted(stale)}"


def _snapshot(record):
    record.refresh_from_db()
    values = {}
    for field in record._meta.concrete_fields:
        if getattr(field, "auto_now", False):
            continue  # the save itself moves "updated"
        values[field.attname] = getattr(record, field.attname)
    for field in record._meta.many_to_many:
        values[field.name] = sorted(getattr(record, field.name).values_list("pk", flat=True))
    return values


@pytest.mark.parametrize("form_name", sorted(ROUNDTRIP))
def test_saving_an_unchanged_edit_form_changes_nothing(form_name, personas, login):
    user, url, record, field_name = ROUNDTRIP[form_name](personas)
    before = _snapshot(record)
    client = login(user)

    page = client.get(url)
    assert page.status_code == 200, url
    fields = form_with(page.content.decode(), field_name)
    response = client.post(url, as_post_data(fields))

    form = response.context["form"] if response.status_code == 200 and response.context else None
    assert response.status_code == 302, f"{url} refused its own rendering: {form.errors if form else response}"
    after = _snapshot(record)
    assert after == before, {k: (before[k], after[k]) for k in before if before[k] != after.get(k)}


# --- one widget for every date, in every form and filter bar --------------------------------------------

def _all_bound_fields():
    """(form class name, field name, field) for every form and filterset form of the project."""
    import django_filters

    for cls in project_form_classes(forms.BaseForm):
        if cls.__module__.startswith("django"):
            continue
        for name, field in cls.base_fields.items():
            yield _name(cls), name, field
    for cls in project_form_classes(django_filters.FilterSet):
        # A copy: a filter caches its field on first access, and one built on the class-level filter (with no
        # request) would keep an empty choice queryset for every later instance of the filterset.
        for name, flt in copy.deepcopy(cls.base_filters).items():
            yield _name(cls), name, flt.field


def test_every_date_field_renders_iso_for_the_browser():
    wrong = [f"{form}.{name}: {type(field.widget).__name__}" for form, name, field in _all_bound_fields()
             if isinstance(field, (forms.DateField, forms.DateTimeField)) and not isinstance(field.widget, ISO_WIDGETS)]
    assert not wrong, f"date fields without core.widgets' ISO widget: {wrong}"


def test_the_date_widgets_render_iso_in_chinese():
    from django.utils import translation

    from core.widgets import IsoDateInput, IsoDateTimeInput, IsoMonthInput

    with translation.override("zh-hans"):
        assert 'value="2025-10-01"' in IsoDateInput().render("d", dt.date(2025, 10, 1))
        assert 'type="date"' in IsoDateInput().render("d", dt.date(2025, 10, 1))
        assert 'value="2025-10-01T08:05"' in IsoDateTimeInput().render("t", dt.datetime(2025, 10, 1, 8, 5))
        assert 'value="2025-10"' in IsoMonthInput().render("m", dt.date(2025, 10, 1))


def test_model_date_fields_of_the_forms_are_bounded():
    """A model date field in a model form gets a core.bounds field (with its widget), not Django's default."""
    from core import bounds

    plain = []
    for cls in project_form_classes(forms.ModelForm):
        if cls._meta.model is None:
            continue
        for name, field in cls.base_fields.items():
            model_field = next((f for f in cls._meta.model._meta.fields if f.name == name), None)
            if isinstance(model_field, (models.DateField, models.DateTimeField)) and type(field) in (
                    forms.DateField, forms.DateTimeField):
                plain.append(f"{_name(cls)}.{name}")
    assert not plain, f"use a core.bounds date field (PastDateField, PlanDateField …): {plain}"
    assert bounds.PastDateField.widget is bounds.IsoDateInput
