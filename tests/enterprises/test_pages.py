"""The registry pages: list with search, detail with timeline, forms, violations; fixed query counts."""

import pytest
from django.urls import reverse

from audit.models import AuditEvent
from enterprises import grading
from enterprises.models import Enterprise, TimelineEntry, Violation
from enterprises.timeline import add_entry
from tests.factories import ContactFactory, EnterpriseFactory, ViolationFactory


def test_the_list_has_a_search_box_named_q_and_searches_name_and_code(personas, login):
    client = login(personas.city_admin)
    page = client.get(reverse("enterprises:list")).content.decode()
    assert 'name="q"' in page
    assert personas.enterprise_b.name not in client.get(reverse("enterprises:list"), {"q": "甲"}).content.decode()
    found = client.get(reverse("enterprises:list"), {"q": personas.enterprise_b.credit_code.lower()})
    assert list(found.context["object_list"]) == [personas.enterprise_b]


@pytest.mark.parametrize(("params", "expected"), [
    ({"grade": "C"}, ["丙路桥有限公司"]), ({"kind": "client"}, ["丙路桥有限公司"]),
    ({"industry": "E"}, ["丙路桥有限公司"]), ({"status": "abnormal"}, ["丙路桥有限公司"]),
])
def test_the_list_filters(personas, login, params, expected):
    EnterpriseFactory(name="丙路桥有限公司", grade="C", kind="client", industry="E", status="abnormal")
    response = login(personas.city_admin).get(reverse("enterprises:list"), params)
    assert [e.name for e in response.context["object_list"]] == expected


def test_the_list_runs_a_fixed_number_of_queries(personas, login, django_assert_num_queries):
    client = login(personas.city_admin)
    EnterpriseFactory.create_batch(30)
    # session, user, count, page (district joined), district choices of the filter, and the session
    # save (savepoint, update, release) that every request makes, the city administrator's open notices, and
    # the unread messages of the top bar's bell (notifications)
    with django_assert_num_queries(10):
        assert client.get(reverse("enterprises:list")).status_code == 200
    with django_assert_num_queries(10):
        assert client.get(reverse("enterprises:list"), {"page": 2}).status_code == 200


def test_the_detail_page_runs_a_fixed_number_of_queries(personas, login, django_assert_num_queries, year):
    enterprise = personas.enterprise_a
    client = login(personas.chengguan_official)
    # session, user, enterprise, contacts, timeline, grades, violations, the user's district (top bar),
    # session save (3), the unread messages (top bar); once the enterprise has a grade, one more for the
    # supervision policy of that grade
    with django_assert_num_queries(12):
        client.get(enterprise.get_absolute_url())
    ContactFactory.create_batch(5, enterprise=enterprise)
    ViolationFactory.create_batch(5, enterprise=enterprise)
    for n in range(10):
        add_entry(enterprise, "inspection", f"检查{n}", actor=personas.chengguan_inspector)
    grade = grading.propose_grade(enterprise, year, actor=personas.city_admin)
    grading.confirm_grade(grade, actor=personas.city_admin)
    with django_assert_num_queries(13):
        response = client.get(enterprise.get_absolute_url())
    body = response.content.decode()
    assert 'data-testid="timeline"' in body and "检查9" in body
    assert 'data-testid="supervision"' in body


def test_registering_an_enterprise(personas, login, chengguan):
    client = login(personas.chengguan_inspector)
    from tests.factories import credit_code

    response = client.post(reverse("enterprises:create"), {
        "credit_code": credit_code(4242).lower(), "name": "兰州新建有限公司", "legal_representative": "赵六",
        "district": chengguan.pk, "kind": "other", "status": "active", "employee_count": 5, "insured_count": 5,
        "registered_capital": "100.50",
    })
    enterprise = Enterprise.objects.get(name="兰州新建有限公司")
    assert response.status_code == 302 and response.url == enterprise.get_absolute_url()
    assert enterprise.credit_code == credit_code(4242)
    assert AuditEvent.objects.filter(event="object_created", object_id=str(enterprise.pk)).exists()
    assert TimelineEntry.objects.filter(enterprise=enterprise, kind="registered").exists()


def test_a_district_user_cannot_register_in_another_district(personas, login, qilihe):
    from tests.factories import credit_code

    response = login(personas.chengguan_inspector).post(reverse("enterprises:create"), {
        "credit_code": credit_code(4243), "name": "越界有限公司", "legal_representative": "赵六",
        "district": qilihe.pk, "kind": "other", "status": "active", "employee_count": 5, "insured_count": 5,
    })
    assert response.status_code == 200
    assert "district" in response.context["form"].errors
    assert not Enterprise.objects.filter(name="越界有限公司").exists()


@pytest.mark.parametrize("persona", ["chengguan_grid", "city_leader"])
def test_read_only_roles_cannot_register(personas, login, persona):
    assert login(getattr(personas, persona)).get(reverse("enterprises:create")).status_code == 403


def test_officials_edit_the_file_but_not_the_grade(personas, login):
    enterprise = personas.enterprise_a
    client = login(personas.chengguan_official)
    form = client.get(reverse("enterprises:update", args=[enterprise.pk])).context["form"]
    data = {name: form.initial.get(name) for name in form.fields if form.initial.get(name) is not None}
    data.update({"name": "甲建设集团有限公司", "district": enterprise.district_id, "grade": "A"})
    response = client.post(reverse("enterprises:update", args=[enterprise.pk]), data)
    assert response.status_code == 302
    enterprise.refresh_from_db()
    assert enterprise.name == "甲建设集团有限公司" and enterprise.grade == ""
    event = AuditEvent.objects.get(event="object_changed", object_id=str(enterprise.pk))
    assert event.data["changed"] == ["name"]


def test_an_inspector_records_a_violation(personas, login):
    enterprise = personas.enterprise_a
    response = login(personas.chengguan_inspector).post(
        reverse("enterprises:violation-create", args=[enterprise.pk]),
        {"category": "wages", "handling": "penalty", "decided_on": "2025-05-06", "description": "拖欠工资",
         "c_trigger": "refused_order", "fine_amount": "5000.00"},
    )
    assert response.status_code == 302
    violation = Violation.objects.get(enterprise=enterprise)
    assert violation.recorded_by == personas.chengguan_inspector
    assert AuditEvent.objects.filter(event="object_created", object_type="enterprises.violation").exists()
    assert TimelineEntry.objects.filter(enterprise=enterprise, kind="violation").exists()


def test_a_violation_dated_in_the_future_is_refused(personas, login):
    response = login(personas.chengguan_inspector).post(
        reverse("enterprises:violation-create", args=[personas.enterprise_a.pk]),
        {"category": "wages", "handling": "penalty", "decided_on": "2999-01-01", "description": "x"},
    )
    assert response.status_code == 200 and "decided_on" in response.context["form"].errors


def test_correcting_a_violation_marks_it_revoked(personas, login):
    violation = ViolationFactory(enterprise=personas.enterprise_a)
    client = login(personas.chengguan_official)
    response = client.post(reverse("enterprises:violation-update", args=[violation.pk]), {
        "category": "wages", "handling": "penalty", "decided_on": violation.decided_on.isoformat(),
        "description": violation.description, "revoked": "on"})
    assert response.status_code == 302
    violation.refresh_from_db()
    assert violation.revoked
    assert AuditEvent.objects.get(event="object_changed", object_type="enterprises.violation").data["changed"] == [
        "revoked"]


@pytest.mark.parametrize("name", ["enterprises:list", "enterprises:grades", "enterprises:violations",
                                  "enterprises:policies", "enterprises:import"])
def test_pages_render_for_a_district_official(personas, login, name):
    assert login(personas.chengguan_official).get(reverse(name)).status_code == 200


def test_the_empty_list_says_what_to_do(personas, login):
    response = login(personas.city_admin).get(reverse("enterprises:list"), {"q": "不存在的企业"})
    assert "register or import enterprises" in response.content.decode()
