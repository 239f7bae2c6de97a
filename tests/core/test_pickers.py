"""Searchable pickers for enterprises and projects (core.pickers) instead of a <select> of the whole scope
(issue 10: 35,000 options for a city user on the incident form)."""

import importlib
import re

import pytest
from django import forms
from django.apps import apps
from django.urls import reverse

from cases.forms import MassIncidentForm
from core.pickers import PICK_LIMIT, ScopedPickerField
from enterprises.models import Enterprise
from projects.models import Project
from tests.factories import EnterpriseFactory
from tests.projects.factories import ProjectFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def many(chengguan, qilihe):
    near = [EnterpriseFactory(name=f"挑选测试城关{n:02d}公司", district=chengguan) for n in range(PICK_LIMIT + 5)]
    far = EnterpriseFactory(name="挑选测试七里河公司", district=qilihe)
    return near, far


def _options(response):
    assert response.status_code == 200
    return re.findall(r'<option value="([^"]*)">', response.content.decode())


def test_the_incident_form_has_a_picker_not_a_dropdown(many, personas, login):
    html = login(personas.city_admin).get(reverse("cases:incident-create")).content.decode()
    assert not re.search(r'<select[^>]*name="enterprise"', html) and not re.search(r'<select[^>]*name="project"', html)
    picker = re.search(r'<input[^>]*name="enterprise"[^>]*>', html).group(0)
    assert 'hx-get="/pick/enterprise/?param=enterprise"' in picker and 'list="id_enterprise-options"' in picker
    assert "挑选测试" not in html  # no record is rendered into the form
    assert not re.search(r"<script(?![^>]*\bsrc=)", html)  # CSP: no inline script
    assert not re.search(r'<input[^>]*name="enterprise"[^>]*\son\w+=', html)


def test_suggestions_are_scoped_and_bounded(many, personas, login):
    near, far = many
    options = _options(login(personas.chengguan_official).get(reverse("pick", args=["enterprise"]),
                                                              {"param": "enterprise", "enterprise": "挑选测试"}))
    assert len(options) == PICK_LIMIT
    assert all("城关" in o for o in options) and not any(far.name in o for o in options)
    first = sorted(near, key=lambda e: e.name)[0]
    assert options[0] == f"{first.credit_code} {first.name}"
    options = _options(login(personas.qilihe_official).get(reverse("pick", args=["enterprise"]), {"q": "挑选测试"}))
    assert options == [f"{far.credit_code} {far.name}"]
    assert _options(login(personas.city_admin).get(reverse("pick", args=["enterprise"]), {"q": "挑"})) == []
    assert login(personas.city_admin).get(reverse("pick", args=["nothing"]), {"q": "挑选"}).status_code == 404


def test_project_suggestions(personas, login, chengguan, qilihe):
    mine = ProjectFactory(name="挑选测试城关项目", district=chengguan)
    ProjectFactory(name="挑选测试七里河项目", district=qilihe)
    assert _options(login(personas.chengguan_official).get(reverse("pick", args=["project"]),
                                                           {"q": "挑选测试"})) == [f"{mine.code} {mine.name}"]


def _incident(user, **values):
    data = {"occurred_at": "2026-06-01T09:00", "place": "工地门口", "district": user.district_id,
            "workers_involved": 12, "description": "讨薪", "outcome": "", **values}
    return MassIncidentForm(data, user=user)


def test_the_field_validates_the_choice_through_the_scope(many, personas):
    near, far = many
    official = personas.chengguan_official
    form = _incident(official, enterprise=f"{near[0].credit_code} {near[0].name}")
    assert form.is_valid(), form.errors
    assert form.cleaned_data["enterprise"] == near[0]
    assert _incident(official, enterprise=near[0].credit_code.lower()).is_valid()  # the code alone, any case
    form = _incident(official, enterprise=f"{far.credit_code} {far.name}")
    assert not form.is_valid() and "enterprise" in form.errors
    assert not _incident(official, enterprise="不存在的公司").is_valid()
    assert _incident(official, enterprise="").is_valid()  # optional


def test_a_bound_record_shows_as_code_and_name(many, personas):
    near, _far = many
    field = MassIncidentForm(user=personas.chengguan_official, initial={"enterprise": near[0].pk})["enterprise"]
    assert f'value="{near[0].credit_code} {near[0].name}"' in str(field)


def test_no_form_offers_enterprises_or_projects_as_a_full_dropdown():
    """The class: every form field choosing an Enterprise or a Project is a ScopedPickerField."""
    for config in apps.get_app_configs():
        try:
            importlib.import_module(f"{config.name}.forms")
        except ModuleNotFoundError:
            continue
    offenders = []

    def subclasses(cls):
        for sub in cls.__subclasses__():
            yield sub
            yield from subclasses(sub)

    ours = {c.name for c in apps.get_app_configs()}
    found = {f for f in {*subclasses(forms.Form), *subclasses(forms.ModelForm)} if f.__module__.split(".")[0] in ours}
    assert MassIncidentForm in found
    for form in found:
        for name, field in getattr(form, "base_fields", {}).items():
            if isinstance(field, forms.ModelChoiceField) and not isinstance(field, ScopedPickerField):
                model = getattr(field.queryset, "model", None)
                if model in (Enterprise, Project):
                    offenders.append(f"{form.__module__}.{form.__name__}.{name}")
    assert offenders == []
    assert isinstance(MassIncidentForm.base_fields["enterprise"], ScopedPickerField)


def test_a_bare_id_is_accepted_only_inside_the_scope(many, personas):
    near, far = many
    form = _incident(personas.chengguan_official, enterprise=str(near[0].pk))
    assert form.is_valid() and form.cleaned_data["enterprise"] == near[0]
    form = _incident(personas.chengguan_official, enterprise=str(far.pk))
    assert not form.is_valid() and "enterprise" in form.errors
