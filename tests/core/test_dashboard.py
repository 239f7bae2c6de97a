"""The staff home page's figures: scoped, correct, linked to their lists, in a fixed number of queries."""

import datetime as dt

import pytest
from django.utils import timezone, translation

from core.dashboard import stats_for
from enterprises.choices import Grade
from tests.cases.factories import CaseFactory, ComplaintFactory
from tests.factories import EnterpriseFactory

pytestmark = pytest.mark.django_db


def by_label(user):
    with translation.override("en"):
        return {str(s.label): s for s in stats_for(user)}


def test_figures_count_only_the_users_district(personas, chengguan, qilihe):
    late = timezone.localdate() - dt.timedelta(days=1)
    ComplaintFactory(enterprise=personas.enterprise_a, acceptance_deadline=late)
    ComplaintFactory(enterprise=personas.enterprise_a)
    ComplaintFactory(enterprise=personas.enterprise_b)
    CaseFactory(enterprise=personas.enterprise_a, investigation_deadline=late)
    CaseFactory(enterprise=personas.enterprise_b)
    CaseFactory(enterprise=personas.enterprise_b, closed=True)
    EnterpriseFactory(district=qilihe, grade=Grade.C)

    mine = by_label(personas.chengguan_official)
    assert mine["Complaints awaiting a decision"].value == 2
    assert mine["Decisions overdue"].value == 1 and mine["Decisions overdue"].alert
    assert mine["Open cases"].value == 1
    assert mine["Cases past a deadline"].value == 1
    assert mine["Grade C enterprises (key monitoring)"].value == 0

    city = by_label(personas.city_leader)
    assert city["Complaints awaiting a decision"].value == 3
    assert city["Open cases"].value == 2
    assert city["Grade C enterprises (key monitoring)"].value == 1


def test_every_figure_links_to_its_filtered_list(client, personas):
    client.force_login(personas.chengguan_official)
    for stat in stats_for(personas.chengguan_official):
        assert client.get(stat.url).status_code == 200, stat.url


def test_home_page_shows_the_figures_in_fixed_queries(client, personas, django_assert_max_num_queries):
    client.force_login(personas.chengguan_official)
    with django_assert_max_num_queries(30):
        html = client.get("/").content.decode()
    assert 'data-testid="stats"' in html and "/cases/?overdue=true" in html
