"""A worker killed (SIGKILL) in the middle of the nightly evaluation: Redis delivers the task again to the next
worker, the run completes once, no warning is raised twice, and the killed run does not stay "running"."""

import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from django.db import connection

from earlywarning import engine, tasks
from earlywarning.models import EvaluationRun, RunStatus, Warning, WarningStatus
from wagewatch.celery import app

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.celery


def wait_for(condition, timeout=90, what=""):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.5)
    pytest.fail(f"timed out waiting for {what}")


@pytest.fixture
def start_worker(django_db_serialized_rollback, transactional_db, chengguan):
    """start_worker(sleep) -> a worker process (tests/earlywarning/slow_worker.py) on a private queue."""
    assert connection.vendor == "postgresql", "the worker shares the test database: run with DATABASE_URL=postgres"
    assert app.conf.broker_url.startswith("redis://"), "run with CELERY_BROKER_URL=redis://…"
    queue = f"test-{uuid.uuid4().hex[:8]}"
    db = connection.settings_dict
    workers = []

    def start(sleep):
        env = {**os.environ, "CELERY_BROKER_URL": app.conf.broker_url, "SLOW_RULE_SECONDS": str(sleep),
               "SLOW_RULE_DISTRICT": str(chengguan.pk),
               "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"}
        worker = subprocess.Popen([sys.executable, "-m", "tests.earlywarning.slow_worker", queue], cwd=ROOT, env=env,
                                  stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        workers.append(worker)
        return worker

    start.queue = queue
    try:
        yield start
    finally:
        for worker in workers:
            if worker.poll() is None:
                worker.terminate()
            output, _ = worker.communicate(timeout=30)
            print(output[-3000:])


def test_a_killed_evaluation_is_taken_up_again_and_completes_once(start_worker):
    first = start_worker(sleep=120)
    result = tasks.evaluate_all.apply_async(kwargs={"on": "2026-06-01"}, queue=start_worker.queue)
    wait_for(lambda: EvaluationRun.objects.filter(status=RunStatus.RUNNING).exists(), what="the run to start")
    first.send_signal(signal.SIGKILL)  # in the middle of the rule's sleep
    first.wait(timeout=30)
    killed = EvaluationRun.objects.get(status=RunStatus.RUNNING)

    start_worker(sleep=0)
    summary = result.get(timeout=120)  # the same task, delivered again
    assert summary["status"] == RunStatus.SUCCEEDED and summary["counts"]["W99"]["raised"] == 1
    killed.refresh_from_db()
    assert killed.status == RunStatus.FAILED and killed.errors == {"*": engine.INTERRUPTED}
    assert not EvaluationRun.objects.filter(status=RunStatus.RUNNING).exists()
    assert EvaluationRun.objects.filter(status=RunStatus.SUCCEEDED).count() == 1
    assert Warning.objects.filter(rule="W99", status=WarningStatus.OPEN).count() == 1
    time.sleep(5)  # longer than the visibility timeout: the task is not delivered a third time
    assert EvaluationRun.objects.count() == 2
