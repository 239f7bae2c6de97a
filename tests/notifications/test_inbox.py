"""The inbox page: own messages only (404 for another's), mark read, the header count in one query."""

import pytest
from django.urls import reverse

from notifications import services
from notifications.context_processors import unread_messages
from notifications.models import Message

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_inboxes(personas):
    services.notify([personas.chengguan_inspector], kind="x", title="城关案件调查期限将至", link="/cases/", key="a")
    services.notify([personas.qilihe_inspector], kind="x", title="七里河保证金需补足", key="b")
    return personas


def test_a_user_sees_only_their_own_messages(two_inboxes, login):
    page = login(two_inboxes.chengguan_inspector).get(reverse("notifications:list"))
    assert page.status_code == 200
    assert "城关案件调查期限将至" in page.text
    assert "七里河保证金需补足" not in page.text


def test_another_users_message_answers_404(two_inboxes, login):
    theirs = Message.objects.get(recipient=two_inboxes.qilihe_inspector)
    client = login(two_inboxes.chengguan_inspector)
    assert client.get(reverse("notifications:open", args=[theirs.pk])).status_code == 404
    assert client.post(reverse("notifications:read", args=[theirs.pk])).status_code == 404
    theirs.refresh_from_db()
    assert theirs.read_at is None


def test_opening_a_message_reads_it_and_follows_its_link(two_inboxes, login):
    mine = Message.objects.get(recipient=two_inboxes.chengguan_inspector)
    answer = login(two_inboxes.chengguan_inspector).get(reverse("notifications:open", args=[mine.pk]))
    assert answer.status_code == 302 and answer["Location"] == "/cases/"
    mine.refresh_from_db()
    assert mine.is_read


def test_an_outside_link_is_not_followed(personas, login):
    services.notify([personas.city_admin], kind="x", title="t", link="https://evil.example/", key="e")
    message = Message.objects.get()
    answer = login(personas.city_admin).get(reverse("notifications:open", args=[message.pk]))
    assert answer["Location"] == reverse("notifications:list")


def test_mark_read_and_mark_all_read(personas, login):
    for key in "abc":
        services.notify([personas.city_admin], kind="x", title=key, key=key)
    client = login(personas.city_admin)
    first = Message.objects.filter(recipient=personas.city_admin).first()
    client.post(reverse("notifications:read", args=[first.pk]))
    assert Message.objects.unread().count() == 2
    client.post(reverse("notifications:read-all"))
    assert Message.objects.unread().count() == 0


def test_the_header_shows_the_unread_count(two_inboxes, login):
    page = login(two_inboxes.chengguan_inspector).get(reverse("home"))
    assert 'data-testid="unread-count">1<' in page.text


def test_the_header_count_costs_one_query_per_request(personas, rf, django_assert_num_queries):
    services.notify([personas.city_admin], kind="x", title="t", key="q")
    request = rf.get("/")
    request.user = personas.city_admin
    with django_assert_num_queries(1):
        assert unread_messages(request) == {"unread_messages": 1}
        assert unread_messages(request) == {"unread_messages": 1}


def test_anonymous_requests_add_nothing(rf):
    from django.contrib.auth.models import AnonymousUser

    request = rf.get("/")
    request.user = AnonymousUser()
    assert unread_messages(request) == {}


def test_failed_deliveries_are_for_city_administrators(personas, login):
    assert login(personas.city_admin).get(reverse("notifications:failed")).status_code == 200
    assert login(personas.chengguan_official).get(reverse("notifications:failed")).status_code == 404
