"""Double random, one public, through the services and pages: the commitment before the draw, the seed after
it, the re-run by tools/verify_draw.py, superseding with a reason, results published within the working days
and readable anonymously only once published, scoping per role."""

import datetime as dt
import importlib.util
import json
from pathlib import Path

import pytest
from django.utils import timezone

from audit.models import AuditEvent
from inspections import services
from inspections.choices import DrawStatus, Outcome
from inspections.models import DrawnTarget, PlanRate, Recusal, SpotCheckPlan, SpotCheckResult
from kernel.errors import DomainError
from tests.factories import EnterpriseFactory

from .factories import BatchFactory, InspectorFactory, ItemFactory, PlanFactory

pytestmark = pytest.mark.django_db

TOOL = Path(__file__).resolve().parents[2] / "tools" / "verify_draw.py"


def _tool():
    spec = importlib.util.spec_from_file_location("verify_draw", TOOL)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def batch(personas, chengguan):
    plan = PlanFactory(district=chengguan)
    plan.items.add(ItemFactory())
    for stratum, rate in (("A", 10), ("B", 50), ("C", 100), ("-", 50)):
        PlanRate.objects.create(plan=plan, stratum=stratum, rate=rate)
    for grade, n in (("A", 10), ("B", 4), ("C", 3)):
        EnterpriseFactory.create_batch(n, district=chengguan, grade=grade)
    inspectors = InspectorFactory.create_batch(4, district=chengguan)
    Recusal.objects.create(
        inspector=inspectors[0], enterprise=personas.enterprise_a, reason="亲属", recorded_on=dt.date(2026, 1, 5)
    )
    InspectorFactory(district=chengguan, certificate_expires_on=dt.date(2020, 1, 1))  # expired: not frozen
    return BatchFactory(plan=plan)


def test_commitment_first_seed_after_and_the_tool_agrees(batch, personas, client):
    official = personas.chengguan_official
    draw = services.commit_draw(batch, actor=official)
    assert draw.status == DrawStatus.COMMITTED and len(draw.inputs["inspectors"]) == 4
    assert {t["grade"] for t in draw.inputs["targets"]} == {"A", "B", "C", ""}
    record = client.get(f"/inspections/public/draws/{draw.pk}/record.json").json()
    assert record["commitment"] == draw.commitment and record["seed"] is None and record["result"] is None
    assert draw.seed not in client.get(f"/inspections/public/draws/{draw.pk}/").content.decode()
    assert _tool().check(record) == 2

    services.run_draw(draw, actor=official)
    draw.refresh_from_db()
    record = client.get(f"/inspections/public/draws/{draw.pk}/record.json").json()
    assert record["seed"] == draw.seed
    assert _tool().check(record) == 0
    # Grade C at 100 %, B at 50 %, A at 10 %; two inspectors each, never the recused one for enterprise A.
    targets = list(DrawnTarget.objects.filter(draw=draw).prefetch_related("inspectors"))
    grades = [t.enterprise.grade for t in targets]
    assert (grades.count("C"), grades.count("B"), grades.count("A")) == (3, 2, 1)
    for t in targets:
        assert t.inspectors.count() == 2
    recused = Recusal.objects.get()
    assert not DrawnTarget.objects.filter(enterprise=recused.enterprise, inspectors=recused.inspector).exists()
    # A tampered record fails the tool.
    record["result"]["targets"][0]["inspectors"].reverse()
    assert _tool().check(json.loads(json.dumps(record))) == 1
    with pytest.raises(DomainError):
        services.run_draw(draw, actor=official)
    assert AuditEvent.objects.filter(event="spot_check_draw_run", object_id=str(draw.pk)).exists()


def test_a_draw_is_superseded_with_a_reason_never_edited(batch, personas, client):
    official = personas.chengguan_official
    first = services.run_draw(services.commit_draw(batch, actor=official), actor=official)
    with pytest.raises(DomainError):
        services.commit_draw(batch, actor=official)
    with pytest.raises(DomainError):
        services.supersede_draw(first, actor=official, reason="短")
    second = services.supersede_draw(first, actor=official, reason="名录库漏录三家企业，重新冻结后抽取")
    first.refresh_from_db()
    assert first.status == DrawStatus.SUPERSEDED and second.replaces == first and second.commitment != first.commitment
    page = client.get(f"/inspections/public/draws/{first.pk}/").content.decode()
    assert "名录库漏录三家企业" in page and first.seed in page
    with pytest.raises(DomainError):
        services.supersede_draw(first, actor=official, reason="再次作废这个已作废的抽取")
    # Inspectors read draws but do not supersede them.
    with pytest.raises(Exception):  # noqa: B017 (PermissionDenied, rolled back)
        services.supersede_draw(second, actor=personas.chengguan_inspector, reason="检查员不能作废抽取结果")


def test_too_few_inspectors_refuses_the_commitment(personas, chengguan):
    plan = PlanFactory(district=chengguan)
    PlanRate.objects.create(plan=plan, stratum="C", rate=100)
    EnterpriseFactory(district=chengguan, grade="C")
    InspectorFactory(district=chengguan)
    with pytest.raises(DomainError):
        services.commit_draw(BatchFactory(plan=plan), actor=personas.chengguan_official)


def test_an_unpublished_result_is_not_readable_anonymously(batch, personas, client, api_client, calendar_2029):
    official, inspector = personas.chengguan_official, personas.chengguan_inspector
    draw = services.run_draw(services.commit_draw(batch, actor=official), actor=official)
    target = draw.targets.first()
    today = timezone.localdate()
    result = services.record_result(
        target,
        actor=inspector,
        items=list(batch.plan.items.all()),
        findings="工资台账齐全，按月足额支付",
        outcome=Outcome.NO_PROBLEM,
        checked_on=today,
    )
    assert result.publish_by > today
    assert api_client.get("/api/v1/spot-checks/").json()["results"] == []
    assert api_client.get(f"/api/v1/spot-checks/{result.pk}/").status_code == 404
    assert "工资台账齐全" not in client.get("/inspections/public/").content.decode()
    assert "工资台账齐全" not in client.get(f"/inspections/public/draws/{draw.pk}/").content.decode()
    with pytest.raises(Exception):  # noqa: B017 (inspectors record, officials publish)
        services.publish_result(result, actor=inspector)

    services.publish_result(result, actor=official)
    rows = api_client.get("/api/v1/spot-checks/").json()["results"]
    assert [(r["enterprise"], r["outcome"]) for r in rows] == [(target.enterprise.name, "no_problem")]
    assert "工资台账齐全" in client.get("/inspections/public/").content.decode()
    with pytest.raises(DomainError):
        services.record_result(
            target, actor=inspector, items=[], findings="改", outcome=Outcome.ADVISED, checked_on=today
        )


def test_pages_and_scoping_per_role(batch, personas, login, qilihe):
    official = personas.chengguan_official
    draw = services.run_draw(services.commit_draw(batch, actor=official), actor=official)
    target = draw.targets.first()
    for persona in ("chengguan_official", "chengguan_inspector", "city_leader", "city_admin"):
        client = login(getattr(personas, persona))
        for url in (f"/inspections/plans/{batch.plan.pk}/", f"/inspections/draws/{draw.pk}/", "/inspections/plans/"):
            assert client.get(url).status_code == 200, (persona, url)
    # Out of the district: 404; a role that may not read inspections at all (employers): 403 (kernel.views.page_object).
    for persona, status in (("qilihe_official", 404), ("qilihe_inspector", 404), ("enterprise_a_user", 403)):
        client = login(getattr(personas, persona))
        assert client.get(f"/inspections/plans/{batch.plan.pk}/").status_code == status, persona
        assert client.get(f"/inspections/draws/{draw.pk}/").status_code == status, persona
        assert client.get(f"/inspections/targets/{target.pk}/result/").status_code == status, persona
    # The inspector records on the form; Qilihe's official cannot run Chengguan's draws.
    client = login(personas.chengguan_inspector)
    page = client.get(f"/inspections/targets/{target.pk}/result/")
    assert page.status_code == 200
    item = batch.plan.items.get()
    response = client.post(
        f"/inspections/targets/{target.pk}/result/",
        {
            "checked_on": timezone.localdate().isoformat(),
            "items": [item.pk],
            "outcome": "advised",
            "findings": "工资支付凭证不全，已责令补齐",
        },
    )
    assert response.status_code == 302
    assert SpotCheckResult.objects.get().outcome == Outcome.ADVISED
    other = BatchFactory(plan=PlanFactory(district=qilihe))
    assert login(official).post(f"/inspections/batches/{other.pk}/commit/").status_code == 404


def test_official_creates_a_plan_with_rates_and_a_batch(login, personas, chengguan):
    item = ItemFactory()
    client = login(personas.chengguan_official)
    response = client.post(
        "/inspections/plans/new/",
        {
            "year": 2026,
            "name": "二〇二六年双随机抽查",
            "district": chengguan.pk,
            "items": [item.pk],
            "min_inspectors": 2,
            "rate_a": "5",
            "rate_b": "10",
            "rate_c": "30",
            "rate_ungraded": "10",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    plan = SpotCheckPlan.objects.get(name="二〇二六年双随机抽查")
    assert plan.rates_for_draw() == {"*:A": "5.00", "*:B": "10.00", "*:C": "30.00", "*:-": "10.00"}
    client.post(f"/inspections/plans/{plan.pk}/batches/", {"number": 1, "planned_on": "2026-06-01"})
    assert plan.batches.count() == 1
    client.post(f"/inspections/plans/{plan.pk}/batches/", {"number": 2, "planned_on": "2027-06-01"})
    assert plan.batches.count() == 1  # outside the plan's year
