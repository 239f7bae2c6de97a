"""A real Celery round trip: a worker process on Redis runs a task against the test database."""

import os
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from django.db import connection
from django_celery_results.models import TaskResult

from audit.models import AuditEvent
from wagewatch.celery import app

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def redis_worker(django_db_serialized_rollback, transactional_db):
    """Start `celery worker` on a private queue, pointed at the pytest database."""
    assert connection.vendor == "postgresql", "the worker shares the test database: run with DATABASE_URL=postgres"
    assert app.conf.broker_url.startswith("redis://"), "run with CELERY_BROKER_URL=redis://… (make test does)"
    queue = f"test-{uuid.uuid4().hex[:8]}"
    db = connection.settings_dict
    env = {
        **os.environ,
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}",
        "CELERY_BROKER_URL": app.conf.broker_url,
    }
    worker = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "wagewatch", "worker", "--pool=solo", "--loglevel=INFO",
         "-Q", queue, "-n", f"{queue}@%h", "--without-gossip", "--without-mingle"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    try:
        yield queue
    finally:
        worker.terminate()
        output, _ = worker.communicate(timeout=30)
        print(output[-3000:])


def test_task_runs_in_a_real_worker_through_redis(redis_worker):
    from core.tasks import check_calendar_coverage

    started = time.monotonic()
    result = check_calendar_coverage.apply_async(kwargs={"today": "2026-12-05"}, queue=redis_worker)
    assert result.get(timeout=60) == {"covered_until": 2026, "confirmed_until": 2026, "next_year_missing": True,
                                      "next_year_provisional": False}
    assert time.monotonic() - started < 60
    # The worker wrote to the same database through its own connection, result row included.
    assert AuditEvent.objects.filter(event="calendar_not_covered", data__checked_on="2026-12-05").count() == 1
    assert TaskResult.objects.get(task_id=result.id).status == "SUCCESS"
