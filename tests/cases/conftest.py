import pytest
from django.core.cache import cache
from django.test import Client


@pytest.fixture(autouse=True)
def _english(settings):
    """Assertions read the English source strings, whatever the zh_Hans catalogue says."""
    from django.utils import translation

    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def login():
    def make(user):
        client = Client()
        client.force_login(user)
        return client

    return make


@pytest.fixture
def partner(personas, chengguan):
    """A second Chengguan inspector: investigations need two."""
    from .factories import inspector

    return inspector(chengguan, "chengguan_inspector_2")
