"""Bad inputs in every form and typed API body: a clear Chinese message on the field, nothing written (issue 10).

The bounds are written once in core.bounds; these tests find every field of every form that takes a date,
an amount, a headcount or a phone number and try the bad values of its concept on it, so a new form
(or a field that forgot its bound) is caught without anyone adding a line here.
"""

import copy
import datetime as dt
import re

import pytest
from django import forms
from django.utils import timezone

from core import bounds

from .test_form_roundtrip import _name, project_form_classes

pytestmark = pytest.mark.django_db

CJK = re.compile(r"[\u4e00-\u9fff]")
STOCK = ("确保", "该变量", "Ensure", "Enter a valid")  # Django's stock wording, in either language


def _tomorrow():
    return (timezone.localdate() + dt.timedelta(days=1)).isoformat()


# The bad values of each concept, and a fragment of the message each must get (zh-Hans).
BAD = {
    bounds.PastDateField: [(_tomorrow, "不能晚于今天"), ("2099-01-01", "不能晚于今天"), ("1989-12-31", "不能早于"),
                           ("2025-13-01", "年-月-日"), ("去年", "年-月-日")],
    bounds.PlanDateField: [("2099-01-01", "请检查年份"), ("1989-12-31", "不能早于"), ("2025-02-30", "年-月-日")],
    bounds.PastDateTimeField: [("2099-01-01T10:00", "不能晚于现在"), ("1989-12-31T10:00", "不能早于"),
                               ("昨天", "日期和时间")],
    bounds.MonthField: [("2099-01", "不能晚于本月"), ("1989-12", "不能早于"), ("2025-13", "年-月-日")],
    bounds.MoneyField: [("0", "应大于零"), ("-5", "应大于零"), ("99999999999", "不能超过"), ("12.345", "小数"),
                        ("一万", "数字")],
    bounds.AmountOwedField: [("-5", "不能少于"), ("99999999999", "不能超过"), ("abc", "数字")],
    bounds.ContractAmountField: [("-1", ("不能少于", "应大于零")), ("999999999999", "不能超过"), ("1.001", "小数")],
    bounds.CapitalField: [("-1", "不能少于"), ("99999999999", "不能超过")],
    bounds.HeadcountField: [("0", "至少为1人"), ("-3", "至少为1人"), ("100001", "不能超过"), ("2.5", "整数")],
    bounds.EnterpriseHeadcountField: [("-1", "至少为0人"), ("2000001", "不能超过"), ("many", "整数")],
    bounds.DaysInMonthField: [("-1", "不能为负数"), ("32", "最多31天"), ("21.25", "一位小数"), ("三十", "数字")],
    bounds.PhoneField: [("12345", "手机号码"), ("1381234567", "手机号码"), ("23812345678", "手机号码"),
                        ("0931-123", "手机号码"), ("abc", "手机号码"), ("138123456789012345678", "最多")],
}

# Fields that take a date, a number or a phone without a core.bounds concept, each with its reason.
NOT_A_CONCEPT = {
    "projects.forms.ProjectForm.pay_day": "a day of the month, 1–31 by the model's validators",
    "projects.forms.WageAccountForm.allocation_cycle_days": "bounded by the model (1 to the regulation's maximum)",
    "projects.forms.WageAccountForm.allocation_day": "a day of the month, 1–31 by the model's validators",
    "projects.forms.WageAccountForm.allocation_ratio": "a share 0–1 by the model's validators",
    "enterprises.forms.SupervisionPolicyForm.routine_patrols_per_year": "a count of patrols, not of people",
    "enterprises.forms.SupervisionPolicyForm.written_reviews_per_year": "a count of reviews, not of people",
    "enterprises.forms.SupervisionPolicyForm.sampling_weight": "a relative weight, not money",
    "enterprises.forms.RunGradingForm.year": "a year, 2017–2100 on the form",
    "cases.forms.OrderForm.workdays": "working days, 1–60 on the form",
    "cases.forms.CompensationForm.rate": "a percentage, 50–100 on the form",
    "cases.forms.StatusForm.phone_last4": "four digits of a phone number, not a phone number",
    "inspections.forms.PlanForm.year": "a year, 2000–2100 by the model's validators",
    "inspections.forms.PlanForm.min_inspectors": "inspectors per target, 2–6 by the model's validators",
    "inspections.forms.PlanForm.rate_a": "a sampling percentage, 0–100 on the form",
    "inspections.forms.PlanForm.rate_b": "a sampling percentage, 0–100 on the form",
    "inspections.forms.PlanForm.rate_c": "a sampling percentage, 0–100 on the form",
    "inspections.forms.PlanForm.rate_ungraded": "a sampling percentage, 0–100 on the form",
    "inspections.forms.BatchForm.number": "a batch number, 1–24 on the form",
}


def _concept(field):
    for cls in type(field).__mro__:
        if cls in BAD:
            return cls
    return None


def _form_fields():
    for cls in project_form_classes(forms.BaseForm):
        for name, field in cls.base_fields.items():
            yield cls, name, field


def _takes_typed_input(name, field):
    return isinstance(field, (forms.DateField, forms.DateTimeField, forms.DecimalField, forms.IntegerField,
                              forms.FloatField)) or "phone" in name


def test_every_typed_field_of_every_form_has_its_bound():
    unbounded = [f"{_name(cls)}.{name} ({type(field).__name__})" for cls, name, field in _form_fields()
                 if _takes_typed_input(name, field) and _concept(field) is None
                 and f"{_name(cls)}.{name}" not in NOT_A_CONCEPT]
    assert not unbounded, f"use a core.bounds field (or give a reason in NOT_A_CONCEPT): {unbounded}"


CASES = [(cls, name, bad, expected) for cls, name, field in _form_fields() if _concept(field) is not None
         for bad, expected in BAD[_concept(field)]]


def _build(cls, data, user):
    """Forms take the requesting user (their choices are scoped), some a case, deposit or ledger."""
    from deposits.models import LedgerEntry

    for kwargs in ({"user": user}, {"entries": LedgerEntry.objects.none()}, {}):
        try:
            return cls(data=data, **kwargs)
        except TypeError:
            continue
    raise AssertionError(f"cannot build {_name(cls)}")


@pytest.mark.parametrize(("cls", "name", "bad", "expected"), CASES,
                         ids=[f"{c.__name__}.{n}={b if isinstance(b, str) else 'tomorrow'}" for c, n, b, _ in CASES])
def test_a_bad_value_gets_a_clear_chinese_message_on_its_field(cls, name, bad, expected, personas):
    value = bad() if callable(bad) else bad
    form = _build(cls, {name: value}, personas.city_admin)
    assert not form.is_valid()
    assert name in form.errors, f"{value!r} was accepted for {_name(cls)}.{name}"
    message = " ".join(form.errors[name])
    assert any(e in message for e in (expected if isinstance(expected, tuple) else (expected,))), message
    assert CJK.search(message) and not any(s in message for s in STOCK), message


def test_stock_messages_are_rewritten_with_the_field_label():
    from projects.forms import ProjectForm, SubcontractorForm

    form = SubcontractorForm(data={"credit_code": "9162010", "contract_amount": "1"})
    assert not form.is_valid()
    assert form.errors["credit_code"] == ["分包单位（统一社会信用代码）应为18位（现为7位）。"]
    form = ProjectForm(data={"name": "x" * 201}, user=None)
    form.is_valid()
    assert "最多200个字符（现为201个）" in form.errors["name"][0]
    assert form.errors["code"] == ["请填写项目编号。"], form.errors["code"]


def test_exact_length_fields_say_so():
    class Code(forms.Form):
        credit_code = forms.CharField(label="统一社会信用代码", min_length=18, max_length=18)

    from core.forms import humanise_errors

    form = humanise_errors(Code(data={"credit_code": "91620"}))
    assert not form.is_valid()
    assert form.errors["credit_code"] == ["统一社会信用代码应为18位（现为5位）。"]


def test_model_form_labels_of_encrypted_fields_are_chinese():
    from enterprises.forms import ContactForm
    from projects.forms import ProjectForm, WageAccountForm

    labels = {**{n: str(f.label) for n, f in ProjectForm(user=None).fields.items()},
              **{n: str(f.label) for n, f in WageAccountForm().fields.items()},
              "contact_phone": str(ContactForm().fields["phone"].label)}
    assert labels["manager_phone"] == "项目经理电话"
    assert labels["wage_officer_phone"] == "劳资专管员电话"
    assert labels["account_number"] == "账号"
    assert labels["contact_phone"] == "电话"
    english = {n: v for n, v in labels.items() if re.search(r"[A-Za-z]{3,}", v)}
    assert not english, english


# --- nothing is written: the pages and the API ---------------------------------------------------------

def test_a_project_with_bad_values_is_not_saved(personas, login):
    from projects.models import Project
    from tests.projects.factories import ProjectFactory

    project = ProjectFactory(district=personas.chengguan_official.district, general_contractor=personas.enterprise_a)
    client = login(personas.chengguan_official)
    data = {"code": project.code, "name": project.name, "district": project.district_id, "kind": project.kind,
            "contract_amount": "999999999999999", "contract_signed_on": "2099-01-01", "manager_phone": "12345",
            "client_code": project.client.credit_code, "contractor_code": project.general_contractor.credit_code,
            "pay_day": 15, "pay_in_next_month": "on"}
    before = Project.objects.values().get(pk=project.pk)
    response = client.post(f"/projects/{project.pk}/edit/", data)
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert {"contract_amount", "contract_signed_on", "manager_phone"} <= errors.keys(), errors
    assert Project.objects.values().get(pk=project.pk) == before
    count = Project.objects.count()
    assert client.post("/projects/new/", {**data, "code": "LZ-NEW"}).status_code == 200
    assert Project.objects.count() == count


def test_a_public_complaint_with_impossible_facts_is_not_received(personas, client):
    from cases.models import Complaint

    data = {"kind": "complaint", "complainant_name": "周八", "complainant_phone": "5678",
            "employer_name": "乙建设有限公司", "workers_count": "0", "amount_owed": "-1",
            "owed_from": "2099-01-01", "owed_to": "1980-01-01", "description": "欠薪",
            "district": personas.chengguan_official.district_id}
    response = client.post("/cases/public/complaint/", data)
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert {"complainant_phone", "workers_count", "amount_owed", "owed_from", "owed_to"} <= errors.keys(), errors
    assert "请填写手机号码" in response.content.decode()
    assert not Complaint.objects.exists()


@pytest.mark.parametrize(("field", "value", "expected"), [
    ("workers_count", 0, "至少为1人"),
    ("workers_count", "十", "整数"),
    ("amount_owed", "99999999999.00", "不能超过"),
    ("amount_owed", "-1", "不能少于"),
    ("amount_owed", "1.001", "两位小数"),
    ("owed_from", "2099-01-01", "不能晚于今天"),
    ("owed_to", "1989-01-01", "不能早于"),
    ("complainant_phone", "12345", "手机号码"),
])
def test_the_complaint_api_refuses_impossible_facts_with_a_message(field, value, expected, personas, api_client):
    from django.utils import translation

    from accounts.models import DepartmentGrant
    from cases.models import Complaint

    DepartmentGrant.objects.create(department=personas.api_client.department, resource="cases.complaint",
                                   can_write=True)
    api_client.force_authenticate(personas.api_client)
    body = {"kind": "complaint", "complainant_name": "周八", "complainant_phone": "13500005678",
            "employer_name": "乙建设有限公司", "workers_count": 4, "amount_owed": "16000.00", "description": "欠薪",
            field: value}
    with translation.override("zh-hans"):
        response = api_client.post("/api/v1/complaints/", body, format="json", HTTP_ACCEPT_LANGUAGE="zh-hans")
    assert response.status_code == 400, response.content
    message = " ".join(response.json()[field])
    assert expected in message, message
    assert not Complaint.objects.exists()


@pytest.mark.parametrize("month", ["2099-01", "2026-13", "1980-05"])
def test_the_payroll_api_refuses_an_impossible_month(month, personas, api_client):
    from projects.models import ProjectImport
    from tests.projects.factories import ProjectFactory

    project = ProjectFactory(general_contractor=personas.enterprise_a)
    api_client.force_authenticate(personas.enterprise_a_user)
    response = api_client.post(f"/api/v1/projects/{project.pk}/payroll/", {"month": month, "rows": [{"a": 1}]},
                               format="json")
    assert response.status_code == 400, response.content
    assert "month" in response.json()
    assert not ProjectImport.objects.exists()



# Words a Chinese form may show as they are: file formats and the names of things that have no other name.
LATIN_ALLOWED = {"PDF", "JPEG", "PNG", "Excel", "xlsx", "MB", "API", "CNY"}


def test_no_form_label_or_help_text_is_left_in_english():
    """A label Django makes from the attribute name ("Manager phone") or an untranslated string leaks English."""
    import django_filters
    from django.forms.utils import pretty_name
    from django.utils import translation

    leaks = []
    with translation.override("zh-hans"):
        fields = [(cls, name, field) for cls, name, field in _form_fields()]
        # API filtersets name query parameters for developers, not fields a person reads on a page.
        fields += [(cls, name, flt.field) for cls in project_form_classes(django_filters.FilterSet)
                   if ".api." not in cls.__module__ for name, flt in _filters_of(cls)]
        for cls, name, field in fields:
            if isinstance(field.widget, forms.HiddenInput):
                continue
            for text in (field.label if field.label is not None else pretty_name(name), field.help_text):
                words = set(re.findall(r"[A-Za-z]{3,}", str(text or ""))) - LATIN_ALLOWED
                if words:
                    leaks.append(f"{_name(cls)}.{name}: {text}")
    assert not leaks, leaks


def _filters_of(cls):
    """A copy of the filterset's filters: a filter caches its form field on first access, and a field built
    on the class-level filter (without a request) would keep an empty choice queryset for every later
    instance of the filterset."""
    return copy.deepcopy(cls.base_filters).items()
