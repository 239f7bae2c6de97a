"""Every role, in and out of scope, for every model of the enterprises app; out of scope is 404."""

import pytest
from django.urls import reverse

from enterprises.models import Contact, CreditGrade, Enterprise, SupervisionPolicy, TimelineEntry, Violation
from enterprises.timeline import add_entry
from kernel.roles import Action
from tests.factories import ContactFactory, CreditGradeFactory, ViolationFactory

ALL = {"a", "b"}
A, B, NONE = {"a"}, {"b"}, set()

# persona -> which of the two enterprises' records it may view
VIEW_SCOPE = {
    "city_admin": ALL, "city_leader": ALL,
    "chengguan_official": A, "chengguan_inspector": A, "chengguan_grid": A,
    "qilihe_official": B, "qilihe_inspector": B,
    "enterprise_a_user": A, "enterprise_b_user": B,
    "api_client_no_grant": NONE,
}
RELATED_MODELS = [Contact, CreditGrade, Violation, TimelineEntry]


@pytest.fixture
def records(personas):
    made = {}
    for key, enterprise in (("a", personas.enterprise_a), ("b", personas.enterprise_b)):
        made[key] = {
            Enterprise: enterprise,
            Contact: ContactFactory(enterprise=enterprise),
            CreditGrade: CreditGradeFactory(enterprise=enterprise, confirmed=True),
            Violation: ViolationFactory(enterprise=enterprise),
            TimelineEntry: add_entry(enterprise, "registered", "建档"),
        }
    return made


def _visible(model, user, records, action=Action.VIEW):
    pks = set(model.objects.visible_to(user, action).values_list("pk", flat=True))
    return {key for key, objs in records.items() if objs[model].pk in pks}


@pytest.mark.parametrize("persona", sorted(VIEW_SCOPE))
@pytest.mark.parametrize("model", [Enterprise, *RELATED_MODELS], ids=lambda m: m.__name__)
def test_view_scope_for_every_role(personas, records, persona, model):
    assert _visible(model, getattr(personas, persona), records) == VIEW_SCOPE[persona]


def test_a_department_client_sees_only_what_its_grant_covers(personas, records):
    client = personas.api_client  # granted enterprises.enterprise, city-wide
    assert _visible(Enterprise, client, records) == ALL
    for model in RELATED_MODELS:
        assert _visible(model, client, records) == NONE
    assert _visible(Enterprise, client, records, Action.CHANGE) == NONE


def test_anonymous_sees_nothing(db, records):
    from django.contrib.auth.models import AnonymousUser

    for model in [Enterprise, *RELATED_MODELS, SupervisionPolicy]:
        assert not model.objects.visible_to(AnonymousUser()).exists()


def test_enterprises_do_not_see_pending_proposals(personas, records):
    CreditGradeFactory(enterprise=personas.enterprise_a, year=1999)
    user = personas.enterprise_a_user
    assert CreditGrade.objects.visible_to(user).count() == 1
    assert CreditGrade.objects.visible_to(personas.chengguan_official).count() == 2


CHANGE_SCOPE = {
    "city_admin": ALL, "city_leader": NONE,
    "chengguan_official": A, "chengguan_inspector": A, "chengguan_grid": NONE,
    "qilihe_official": B, "enterprise_a_user": A, "enterprise_b_user": B,
}


@pytest.mark.parametrize("persona", sorted(CHANGE_SCOPE))
def test_who_may_change_an_enterprise(personas, records, persona):
    assert _visible(Enterprise, getattr(personas, persona), records, Action.CHANGE) == CHANGE_SCOPE[persona]


@pytest.mark.parametrize(("persona", "expected"), [
    ("city_admin", ALL), ("chengguan_official", A), ("chengguan_inspector", A), ("chengguan_grid", NONE),
    ("enterprise_a_user", NONE), ("city_leader", NONE),
])
def test_who_may_record_violations(personas, records, persona, expected):
    assert _visible(Violation, getattr(personas, persona), records, Action.ADD) == expected


@pytest.mark.parametrize(("persona", "expected"), [
    ("city_admin", ALL), ("chengguan_official", A), ("qilihe_official", B), ("chengguan_inspector", NONE),
    ("enterprise_a_user", NONE), ("city_leader", NONE),
])
def test_who_may_approve_grades(personas, records, persona, expected):
    assert _visible(CreditGrade, getattr(personas, persona), records, Action.APPROVE) == expected


@pytest.mark.parametrize("persona", sorted(VIEW_SCOPE) + ["api_client"])
def test_every_role_reads_the_supervision_policies_only_city_admin_changes_them(personas, persona):
    user = getattr(personas, persona)
    assert SupervisionPolicy.objects.visible_to(user).count() == 3
    may_change = SupervisionPolicy.objects.visible_to(user, Action.CHANGE).exists()
    assert may_change == (persona == "city_admin")


def _detail_urls(objs):
    return [
        reverse("enterprises:detail", args=[objs[Enterprise].pk]),
        reverse("enterprises:grade-detail", args=[objs[CreditGrade].pk]),
    ]


@pytest.mark.parametrize(("persona", "own", "other"), [
    ("chengguan_official", "a", "b"), ("chengguan_inspector", "a", "b"), ("chengguan_grid", "a", "b"),
    ("qilihe_official", "b", "a"), ("qilihe_inspector", "b", "a"),
    ("enterprise_a_user", "a", "b"), ("enterprise_b_user", "b", "a"),
])
def test_detail_pages_in_scope_200_out_of_scope_404(personas, records, login, persona, own, other):
    client = login(getattr(personas, persona))
    for url in _detail_urls(records[own]):
        assert client.get(url).status_code == 200, url
    for url in _detail_urls(records[other]):
        assert client.get(url).status_code == 404, url


@pytest.mark.parametrize(("persona", "own", "other"), [
    ("chengguan_official", "a", "b"), ("qilihe_inspector", "b", "a"), ("enterprise_a_user", "a", "b"),
])
def test_edit_pages_out_of_scope_404(personas, records, login, persona, own, other):
    client = login(getattr(personas, persona))
    for name, model in (("enterprises:update", Enterprise), ("enterprises:contact-update", Contact)):
        assert client.get(reverse(name, args=[records[own][model].pk])).status_code == 200
        assert client.get(reverse(name, args=[records[other][model].pk])).status_code == 404


def test_violation_edit_in_and_out_of_scope(personas, records, login):
    client = login(personas.chengguan_inspector)
    assert client.get(reverse("enterprises:violation-update", args=[records["a"][Violation].pk])).status_code == 200
    assert client.get(reverse("enterprises:violation-update", args=[records["b"][Violation].pk])).status_code == 404
    grid = login(personas.chengguan_grid)
    # grid assistants may not change violations at all: 403 for the role, 404 is for out of scope
    assert grid.get(reverse("enterprises:violation-update", args=[records["a"][Violation].pk])).status_code == 403


def test_city_roles_open_both(personas, records, login):
    for persona in ("city_admin", "city_leader"):
        client = login(getattr(personas, persona))
        for key in ("a", "b"):
            for url in _detail_urls(records[key]):
                assert client.get(url).status_code == 200


def test_lists_show_only_the_scope(personas, records, login):
    client = login(personas.qilihe_inspector)
    for name in ("enterprises:list", "enterprises:grades", "enterprises:violations"):
        body = client.get(reverse(name)).content.decode()
        assert personas.enterprise_b.name in body, name
        assert personas.enterprise_a.name not in body, name


def test_anonymous_is_sent_to_login(db, client):
    response = client.get(reverse("enterprises:list"))
    assert response.status_code == 302 and "/accounts/login/" in response.url
