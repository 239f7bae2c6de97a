"""The header search (core.search): enterprises, projects, workers, complaints and cases, each through
visible_to for the viewer, masked values only, a full ID number never in a URL and its look-up audited."""

import pytest
from django.urls import reverse

from audit.models import AuditEvent
from tests.cases.factories import CaseFactory, ComplaintFactory
from tests.factories import EnterpriseFactory
from tests.projects.factories import EmploymentFactory, ProjectFactory, WorkerFactory, id_number

pytestmark = pytest.mark.django_db
FULL_ID = id_number(4242)


@pytest.fixture
def world(personas, chengguan, qilihe):
    near = EnterpriseFactory(name="搜索测试城关建设公司", district=chengguan)
    far = EnterpriseFactory(name="搜索测试七里河建设公司", district=qilihe)
    near_project = ProjectFactory(name="搜索测试城关项目", district=chengguan, general_contractor=near)
    far_project = ProjectFactory(name="搜索测试七里河项目", district=qilihe, general_contractor=far)
    near_worker = WorkerFactory(name="搜索测试张三", id_number=FULL_ID)
    far_worker = WorkerFactory(name="搜索测试李四")
    EmploymentFactory(project=near_project, worker=near_worker)
    EmploymentFactory(project=far_project, worker=far_worker)
    near_case = CaseFactory(enterprise=near)
    complaint = ComplaintFactory(enterprise=near, case=near_case)
    return {"near": near, "far": far, "near_project": near_project, "far_project": far_project,
            "near_worker": near_worker, "far_worker": far_worker, "case": near_case, "complaint": complaint}


def _sections(response):
    assert response.status_code == 200
    return {s.key: s for s in response.context["sections"]}


def test_the_header_has_the_search_box_for_staff_only(personas, login):
    assert 'data-testid="header-search"' in login(personas.chengguan_inspector).get(reverse("home")).content.decode()
    assert 'data-testid="header-search"' not in login(personas.enterprise_a_user).get(reverse("home")).content.decode()


def test_results_follow_the_viewers_scope(world, personas, login):
    everything = _sections(login(personas.city_admin).get(reverse("search"), {"q": "搜索测试"}))
    assert {r.title for r in everything["enterprises"].rows} == {world["near"].name, world["far"].name}
    assert {r.title for r in everything["projects"].rows} == {world["near_project"].name, world["far_project"].name}
    assert {r.title for r in everything["workers"].rows} == {"搜索测试张三", "搜索测试李四"}
    district = _sections(login(personas.chengguan_official).get(reverse("search"), {"q": "搜索测试"}))
    assert [r.title for r in district["enterprises"].rows] == [world["near"].name]
    assert [r.title for r in district["projects"].rows] == [world["near_project"].name]
    assert [r.title for r in district["workers"].rows] == ["搜索测试张三"]
    other = _sections(login(personas.qilihe_official).get(reverse("search"), {"q": "搜索测试"}))
    assert [r.title for r in other["enterprises"].rows] == [world["far"].name]
    assert other["cases"].total == 0 and other["complaints"].total == 0


def test_credit_code_project_code_tracking_and_case_numbers(world, personas, login):
    client = login(personas.chengguan_official)
    assert _sections(client.get(reverse("search"), {"q": world["near"].credit_code.lower()}))["enterprises"].total == 1
    assert _sections(client.get(reverse("search"), {"q": world["near_project"].code}))["projects"].total == 1
    found = _sections(client.get(reverse("search"), {"q": world["complaint"].tracking_number}))
    assert [r.title for r in found["complaints"].rows] == [world["complaint"].tracking_number]
    found = _sections(client.get(reverse("search"), {"q": world["case"].number}))
    assert [r.url for r in found["cases"].rows] == [world["case"].get_absolute_url()]
    assert _sections(login(personas.qilihe_official).get(reverse("search"),
                                                         {"q": world["case"].number}))["cases"].total == 0


def test_a_full_id_number_is_swapped_for_its_hash_masked_and_audited(world, personas, login):
    client = login(personas.chengguan_inspector)
    response = client.get(reverse("search"), {"q": FULL_ID})
    assert response.status_code == 302 and FULL_ID not in response.url and "idx=" in response.url
    page = client.get(response.url)
    html = page.content.decode()
    workers = _sections(page)["workers"]
    assert [r.title for r in workers.rows] == ["搜索测试张三"]
    assert FULL_ID not in html and world["near_worker"].masked_id_number in html
    assert FULL_ID not in workers.more_url
    event = AuditEvent.objects.get(event="worker_searched_by_id_number")
    assert event.actor == personas.chengguan_inspector and event.data == {"matches": 1}
    assert FULL_ID not in str(event.data)
    # The same number from another district finds nobody (and is audited too).
    other = login(personas.qilihe_inspector)
    assert _sections(other.get(other.get(reverse("search"), {"q": FULL_ID}).url))["workers"].total == 0


def test_enterprise_and_api_users_may_not_search(personas, login):
    assert login(personas.enterprise_a_user).get(reverse("search"), {"q": "建设"}).status_code == 403
    assert login(personas.api_client).get(reverse("search"), {"q": "建设"}).status_code == 403


def test_a_too_short_query_asks_for_more(personas, login):
    page = login(personas.city_admin).get(reverse("search"), {"q": "建"})
    assert page.context["sections"] == [] and 'data-testid="search-hint"' in page.content.decode()
