"""Deposits walked through the deposits services (the ledger has no other way in), on the services' "today"
of tests.deposits.factories.TODAY (Monday 2026-06-15)."""

import pytest

from tests.deposits.factories import TODAY


@pytest.fixture
def today(monkeypatch):
    monkeypatch.setattr("deposits.services.deposit.today", lambda: TODAY)
    return TODAY


@pytest.fixture
def official(personas):
    return personas.chengguan_official
