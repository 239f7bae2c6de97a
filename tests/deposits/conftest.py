import pytest

from deposits import providers

from .factories import TODAY


@pytest.fixture(autouse=True)
def _english(settings):
    """Assertions read the English source strings, whatever the zh_Hans catalogue says."""
    from django.utils import translation

    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield


@pytest.fixture(autouse=True)
def _providers():
    """Each test starts with the providers the app registers and may add test ones; restored after."""
    saved = providers.unregister_all()
    providers.restore(saved)
    yield
    providers.restore(saved)


@pytest.fixture
def today(monkeypatch):
    """The services' "today" (deadlines are computed from it)."""
    monkeypatch.setattr("deposits.services.deposit.today", lambda: TODAY)
    return TODAY


@pytest.fixture
def login():
    from django.test import Client

    def make(user):
        client = Client()
        client.force_login(user)
        return client

    return make
