import pytest
from django.test import RequestFactory

from core.ratelimit import allow, client_ip


def request(**meta):
    return RequestFactory().get("/", **meta)


def test_client_ip_without_proxies_is_the_socket_address(settings):
    settings.PROXY_COUNT = 0
    assert client_ip(request(REMOTE_ADDR="10.0.0.9", HTTP_X_FORWARDED_FOR="1.2.3.4")) == "10.0.0.9"


def test_client_ip_behind_one_proxy_ignores_what_the_client_wrote(settings):
    settings.PROXY_COUNT = 1
    spoofed = request(REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.7")
    assert client_ip(spoofed) == "203.0.113.7"
    assert client_ip(request(REMOTE_ADDR="10.0.0.1")) == "10.0.0.1"  # no header: the socket


@pytest.fixture
def fresh_cache(settings):
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


def test_allow_counts_hits_in_a_window(fresh_cache):
    assert [allow("t:1", 3, 60) for _ in range(5)] == [True, True, True, False, False]
    assert allow("t:2", 3, 60) is True  # another key has its own window
