"""visible_to for users and districts: every role, in and out of scope."""

import pytest

from accounts.models import District, User
from kernel.roles import Action

pytestmark = pytest.mark.django_db


def district_codes(user, action=Action.VIEW):
    return set(District.objects.visible_to(user, action).values_list("code", flat=True))


def usernames(user):
    return set(User.objects.visible_to(user).values_list("username", flat=True))


ALL_NINE = {"620102", "620103", "620104", "620105", "620111", "620121", "620122", "620123", "620171"}


def test_city_roles_see_every_district(personas):
    assert district_codes(personas.city_admin) == ALL_NINE
    assert district_codes(personas.city_leader) == ALL_NINE


def test_district_roles_see_only_their_district(personas):
    for user in (personas.chengguan_official, personas.chengguan_inspector, personas.chengguan_grid):
        assert district_codes(user) == {"620102"}
    assert district_codes(personas.qilihe_official) == {"620103"}


def test_enterprise_user_sees_only_its_enterprises_district(personas):
    assert district_codes(personas.enterprise_a_user) == {"620102"}
    assert district_codes(personas.enterprise_b_user) == {"620103"}


def test_api_client_sees_what_its_department_is_granted(personas):
    assert district_codes(personas.api_client) == ALL_NINE
    assert district_codes(personas.api_client_no_grant) == set()


def test_api_client_grant_narrowed_to_districts(personas, chengguan):
    grant = personas.api_client.department.grants.get(resource="accounts.district")
    grant.districts.add(chengguan)
    assert district_codes(personas.api_client) == {"620102"}
    grant.districts.clear()
    assert district_codes(personas.api_client) == ALL_NINE


def test_anonymous_and_inactive_users_see_nothing(personas):
    from django.contrib.auth.models import AnonymousUser

    assert district_codes(AnonymousUser()) == set()
    personas.city_admin.is_active = False
    assert district_codes(personas.city_admin) == set()


def test_only_city_admin_may_change_districts(personas):
    assert district_codes(personas.city_admin, Action.CHANGE) == ALL_NINE
    for user in (personas.city_leader, personas.chengguan_official, personas.enterprise_a_user,
                 personas.api_client):
        assert district_codes(user, Action.CHANGE) == set()


def test_users_scoped_by_district_and_enterprise(personas):
    everyone = set(User.objects.values_list("username", flat=True))
    assert usernames(personas.city_admin) == everyone
    assert usernames(personas.city_leader) == everyone
    assert usernames(personas.chengguan_official) == {
        "chengguan_official", "chengguan_inspector", "chengguan_grid", "enterprise_a_user"
    }
    assert "qilihe_inspector" not in usernames(personas.chengguan_inspector)
    assert usernames(personas.enterprise_a_user) == {"enterprise_a_user"}
    assert usernames(personas.api_client) == set()  # users are not granted to departments


def test_city_leader_is_read_only(personas):
    assert User.objects.visible_to(personas.city_leader, Action.CHANGE).count() == 0
    assert User.objects.visible_to(personas.city_admin, Action.CHANGE).count() == User.objects.count()
