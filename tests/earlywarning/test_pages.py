"""Warning pages: scoping for every role (out of scope is 404), the disposal with its note, the catalogue, the
run history, the fragment of the enterprise page and the export."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from audit.models import AuditEvent
from earlywarning.models import ClearedHow, EvaluationRun, EventKind, Warning, WarningStatus
from tests.earlywarning.factories import WarningFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def warnings(personas):
    return {
        "a": WarningFactory(enterprise=personas.enterprise_a, shown_to_enterprise=True),
        "a_internal": WarningFactory(enterprise=personas.enterprise_a, rule="W19", subject="complaint"),
        "b": WarningFactory(enterprise=personas.enterprise_b, shown_to_enterprise=True),
        "system": WarningFactory(enterprise=None, district=None, rule="S01", subject="system", part="calendar"),
    }


def login(client, user):
    client.force_login(user)
    return client


def listed(client):
    response = client.get(reverse("earlywarning:list"))
    assert response.status_code == 200
    return {w.pk for w in response.context["object_list"]}


def test_every_role_sees_its_own_warnings(client, personas, warnings):
    w = {k: v.pk for k, v in warnings.items()}
    expected = {
        "city_admin": set(w.values()),
        "city_leader": set(w.values()),
        "chengguan_official": {w["a"], w["a_internal"]},
        "qilihe_official": {w["b"]},
        "chengguan_grid": {w["a"], w["a_internal"]},
        "enterprise_a_user": {w["a"]},  # not the internal complaint warning
        "enterprise_b_user": {w["b"]},
    }
    for name, pks in expected.items():
        client.logout()
        assert listed(login(client, getattr(personas, name))) == pks, name


def test_a_warning_out_of_scope_answers_404(client, personas, warnings):
    login(client, personas.qilihe_official)
    assert client.get(reverse("earlywarning:detail", args=[warnings["a"].pk])).status_code == 404
    assert client.post(reverse("earlywarning:dispose", args=[warnings["a"].pk]), {"note": "已处理"}).status_code == 404
    client.logout()
    login(client, personas.enterprise_a_user)
    assert client.get(reverse("earlywarning:detail", args=[warnings["a_internal"].pk])).status_code == 404
    assert client.get(reverse("earlywarning:detail", args=[warnings["a"].pk])).status_code == 200


def test_the_warning_page_shows_the_evidence_with_labels_and_a_link_to_the_cause(client, personas, warnings):
    login(client, personas.chengguan_official)
    response = client.get(reverse("earlywarning:detail", args=[warnings["a"].pk]))
    body = response.content.decode()
    assert response.status_code == 200
    assert "欠薪金额（元）" in body and "¥24,000.00" in body and "令1" in body  # money shown as money
    assert response.context["may_dispose"]


def test_disposal_needs_a_note_and_keeps_the_warning(client, personas, warnings):
    warning = warnings["a"]
    login(client, personas.chengguan_official)
    url = reverse("earlywarning:dispose", args=[warning.pk])
    assert client.post(url, {"note": ""}).status_code == 400
    assert Warning.objects.get(pk=warning.pk).status == WarningStatus.OPEN
    response = client.post(url, {"note": "企业已足额支付，核实无误"})
    assert response.status_code == 302
    warning.refresh_from_db()
    assert warning.status == WarningStatus.CLEARED and warning.cleared_how == ClearedHow.DISPOSED
    assert warning.cleared_by == personas.chengguan_official and warning.note == "企业已足额支付，核实无误"
    assert warning.events.get(kind=EventKind.DISPOSED).note == "企业已足额支付，核实无误"
    assert AuditEvent.objects.filter(event="warning_disposed", object_id=str(warning.pk)).exists()
    # a second disposal is refused, the warning is never deleted
    assert client.post(url, {"note": "再次"}).status_code == 400
    assert Warning.objects.filter(pk=warning.pk).exists()


def test_read_only_roles_cannot_dispose(client, personas, warnings):
    for user in (personas.chengguan_grid, personas.enterprise_a_user, personas.city_leader):
        client.logout()
        login(client, user)
        response = client.post(reverse("earlywarning:dispose", args=[warnings["a"].pk]), {"note": "不该成功"})
        assert response.status_code == 404, user.username
        assert not client.get(reverse("earlywarning:detail", args=[warnings["a"].pk])).context["may_dispose"]
    assert Warning.objects.get(pk=warnings["a"].pk).status == WarningStatus.OPEN


def test_filters_and_export(client, personas, warnings):
    login(client, personas.city_admin)
    response = client.get(reverse("earlywarning:list"), {"rule": "S01"})
    assert {w.pk for w in response.context["object_list"]} == {warnings["system"].pk}
    response = client.get(reverse("earlywarning:list"), {"district": personas.enterprise_b.district_id})
    assert {w.pk for w in response.context["object_list"]} == {warnings["b"].pk}
    response = client.get(reverse("earlywarning:list"), {"export": "xlsx"})
    assert response.status_code == 200
    assert "spreadsheetml" in response["Content-Type"]


def test_the_catalogue_lists_every_rule_with_its_parameters(client, personas):
    login(client, personas.chengguan_official)
    response = client.get(reverse("earlywarning:catalogue"))
    body = response.content.decode()
    assert response.status_code == 200
    for code in ("S01", "S02", "W18", "W19", "W20", "W21", "W22"):
        assert f'data-testid="rule-{code}"' in body
    assert 'data-testid="param-W20-pre_alert_workdays">50<' in body
    assert "《劳动保障监察条例》第十七条" in body
    client.logout()
    login(client, personas.enterprise_a_user)
    assert client.get(reverse("earlywarning:catalogue")).status_code == 404


def test_the_run_history_is_for_the_city(client, personas):
    call_command("evaluate_warnings", "--rule", "W19", "--on", "2026-06-09", stdout=StringIO())
    login(client, personas.city_admin)
    response = client.get(reverse("earlywarning:runs"))
    assert response.status_code == 200 and len(response.context["runs"]) == 1
    client.logout()
    login(client, personas.chengguan_official)
    assert client.get(reverse("earlywarning:runs")).status_code == 404


def test_the_enterprise_page_fragment(client, personas, warnings):
    login(client, personas.enterprise_a_user)
    response = client.get(reverse("earlywarning:fragment", args=["enterprise", personas.enterprise_a.pk]))
    assert response.status_code == 200
    assert [w.pk for w in response.context["open"]] == [warnings["a"].pk]
    # another enterprise's page: nothing of theirs leaks
    response = client.get(reverse("earlywarning:fragment", args=["enterprise", personas.enterprise_b.pk]))
    assert response.context["open"] == []


def test_the_command_prints_counts_per_rule(capsys, personas):
    from tests.cases.factories import ComplaintFactory

    ComplaintFactory(enterprise=personas.enterprise_a, received_on="2026-06-01", acceptance_deadline="2026-06-08")
    out = StringIO()
    call_command("evaluate_warnings", "--rule", "W19", "--on", "2026-06-09", stdout=out)
    text = out.getvalue()
    assert "W19" in text and "raised" in text
    row = next(line for line in text.splitlines() if line.startswith("W19"))
    assert row.split()[1] == "1"
    run = EvaluationRun.objects.get()
    assert run.counts["W19"]["raised"] == 1 and run.trigger == "manual"


def test_the_list_runs_the_same_queries_for_few_and_many_warnings(client, personas):
    """No query per row: district, enterprise and project are joined, rule names come from the catalogue."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    login(client, personas.city_admin)
    WarningFactory.create_batch(2, enterprise=personas.enterprise_a)
    with CaptureQueriesContext(connection) as few:
        assert client.get(reverse("earlywarning:list")).status_code == 200
    WarningFactory.create_batch(20, enterprise=personas.enterprise_b)
    with CaptureQueriesContext(connection) as many:
        assert client.get(reverse("earlywarning:list")).status_code == 200
    assert len(many) == len(few)
