import pytest

from deposits import providers

from .factories import TODAY


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
