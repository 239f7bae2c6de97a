"""A Celery worker whose one early-warning rule is the test rule W99 (tests/earlywarning/conftest.py), which
sleeps SLOW_RULE_SECONDS and then hits project 1 in district SLOW_RULE_DISTRICT; Redis redelivers an
unacknowledged task after 3 seconds. For the worker-kill test: `python -m tests.earlywarning.slow_worker QUEUE`."""

import os
import sys
import time

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wagewatch.settings")
django.setup()

from earlywarning import engine, recipients  # noqa: E402 (after django.setup())
from earlywarning.rules.base import Hit, Subject  # noqa: E402
from tests.earlywarning.conftest import FAKE_SPEC  # noqa: E402
from wagewatch.celery import app  # noqa: E402


def evaluate(ctx):
    time.sleep(float(os.environ.get("SLOW_RULE_SECONDS", "0")))
    return [Hit(subject=Subject.PROJECT, subject_id=1, district_id=int(os.environ["SLOW_RULE_DISTRICT"]))]


RULES = [(FAKE_SPEC, evaluate)]
engine.all_rules = lambda: RULES
recipients.all_rules = lambda: RULES
app.conf.broker_transport_options = {"visibility_timeout": 3}

if __name__ == "__main__":
    queue = sys.argv[1]
    app.worker_main(["worker", "--pool=solo", "--loglevel=INFO", "-Q", queue, "-n", f"{queue}-{os.getpid()}@%h",
                     "--without-gossip", "--without-mingle", "--without-heartbeat"])
