"""Two draws of 60 % each approved at the same moment on PostgreSQL: exactly one is paid (peers.md P33)."""

import threading
from decimal import Decimal

import pytest
from django.db import connection, connections

from deposits import services
from deposits.models import Approval
from kernel.errors import DomainError

from . import factories


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_concurrent_draws_of_60_percent_exactly_one_succeeds(personas, today):
    assert connection.vendor == "postgresql"
    official, inspector = personas.chengguan_official, personas.chengguan_inspector
    project = factories.project(personas.enterprise_a)
    deposit = factories.stored(project, official)
    case = factories.overdue_case(project, amount_owed=deposit.required_amount)
    share = (deposit.required_amount * Decimal("0.6")).quantize(Decimal("0.01"))
    approvals = [services.request_draw(deposit, actor=inspector, amount=share, case_ref=case.number,
                                       payees=[{"name": f"工人{i}", "amount": str(share)}], reason="逾期")
                 for i in range(2)]
    barrier = threading.Barrier(2)
    results = []

    def approve(approval):
        try:
            barrier.wait()
            services.approve(approval, actor=official)
            results.append("paid")
        except DomainError as exc:
            results.append(" ".join(exc.messages))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=approve, args=(a,)) for a in approvals]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert sorted(results, key=len)[0] == "paid"
    assert results.count("paid") == 1
    assert "cannot be taken" in [r for r in results if r != "paid"][0]
    assert deposit.balance == deposit.required_amount - share
    assert Approval.objects.filter(status="approved").count() == 1
    assert Approval.objects.filter(status="pending").count() == 1
