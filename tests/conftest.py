"""Shared fixtures: named personas for every role (Healthchecks' alice/bob/charlie idea).

chengguan = 城关区 (620102), qilihe = 七里河区 (620103). Enterprise A is in Chengguan, B in Qilihe.
"""

import os
from types import SimpleNamespace

import pytest

from accounts.choices import Role

from .factories import DepartmentGrantFactory, EnterpriseFactory, UserFactory, district

# Playwright's sync API runs an event loop in the test thread; ORM calls in browser tests
# are still synchronous and safe (ecosystem.md §3.5).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(autouse=True)
def _fast_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def chengguan(db):
    return district("620102")


@pytest.fixture
def qilihe(db):
    return district("620103")


@pytest.fixture
def personas(db, chengguan, qilihe):
    enterprise_a = EnterpriseFactory(name="甲建设有限公司", district=chengguan)
    enterprise_b = EnterpriseFactory(name="乙建设有限公司", district=qilihe)
    grant = DepartmentGrantFactory(resource="enterprises.enterprise")
    DepartmentGrantFactory(department=grant.department, resource="accounts.district")
    return SimpleNamespace(
        enterprise_a=enterprise_a,
        enterprise_b=enterprise_b,
        city_admin=UserFactory(username="city_admin", role=Role.CITY_ADMIN),
        city_leader=UserFactory(username="city_leader", role=Role.CITY_LEADER),
        chengguan_official=UserFactory(username="chengguan_official", role=Role.DISTRICT_OFFICIAL,
                                       district=chengguan),
        qilihe_official=UserFactory(username="qilihe_official", role=Role.DISTRICT_OFFICIAL, district=qilihe),
        chengguan_inspector=UserFactory(username="chengguan_inspector", role=Role.INSPECTOR, district=chengguan),
        qilihe_inspector=UserFactory(username="qilihe_inspector", role=Role.INSPECTOR, district=qilihe),
        chengguan_grid=UserFactory(username="chengguan_grid", role=Role.GRID_ASSISTANT, district=chengguan),
        enterprise_a_user=UserFactory(username="enterprise_a_user", role=Role.ENTERPRISE, district=chengguan,
                                      enterprise=enterprise_a),
        enterprise_b_user=UserFactory(username="enterprise_b_user", role=Role.ENTERPRISE, district=qilihe,
                                      enterprise=enterprise_b),
        api_client=UserFactory(username="zhujian_api", role=Role.API_CLIENT, department=grant.department),
        api_client_no_grant=UserFactory(username="other_api", role=Role.API_CLIENT,
                                        department=DepartmentGrantFactory(
                                            department__code="fagai", department__name="发改委",
                                            resource="audit.auditevent").department),
    )


@pytest.fixture
def api_client():
    from rest_framework.test import APIClient

    return APIClient()
