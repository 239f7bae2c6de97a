"""Shared fixtures: named personas for every role (Healthchecks' alice/bob/charlie idea).

chengguan = 城关区 (620102), qilihe = 七里河区 (620103). Enterprise A is in Chengguan, B in Qilihe.
"""

import os
from types import SimpleNamespace

import pytest

from kernel.roles import Role

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


# App tests assert on the English source strings, whatever the zh_Hans catalogue says; tests/core and
# tests/browser look at the Chinese pages the way officials see them.
ENGLISH_SOURCE_TESTS = {"enterprises", "projects", "deposits", "cases", "blacklist", "certificates", "portal",
                        "notifications", "reminders", "inspections"}


@pytest.fixture(autouse=True)
def _english_in_app_tests(request, settings):
    from django.utils import translation

    if request.node.path.parent.name not in ENGLISH_SOURCE_TESTS:
        # The site's own language, whatever an earlier test's request left active in this thread (Django's
        # LocaleMiddleware activates a language per request and leaves it behind): records a test makes
        # carry their texts in the language the officials read.
        with translation.override(settings.LANGUAGE_CODE):
            yield
        return
    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    """Public pages count hits in the cache; every test starts with none."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _no_pending_independent_audit():
    """Audit events kept outside a transaction (audit.events.record_independently) never leak between tests."""
    from audit import events

    events._independent.items = []
    yield
    events._independent.items = []


@pytest.fixture
def login():
    """A Django test client signed in as the given user."""
    from django.test import Client

    def make(user):
        client = Client()
        client.force_login(user)
        return client

    return make


@pytest.fixture
def partner(personas, chengguan):
    """A second Chengguan inspector: investigations need two."""
    from tests.cases.factories import inspector

    return inspector(chengguan, "chengguan_inspector_2")


@pytest.fixture
def calendar_2029(db):
    """Working-day deadlines after 2026 (chinesecalendar's last year): the city entered weekdays-only years."""
    from core.models import CalendarYear

    for year in range(2027, 2031):
        CalendarYear.objects.get_or_create(year=year)


@pytest.fixture
def api_client():
    from rest_framework.test import APIClient

    return APIClient()
