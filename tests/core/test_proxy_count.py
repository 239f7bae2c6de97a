"""PROXY_COUNT behind the documented nginx: the deployment files set it, and production refuses to start
without it behind a proxy (system check wagewatch.E001)."""

import subprocess
import sys
from pathlib import Path

import pytest

from core.checks import PROXY_COUNT_UNSET, proxy_count_is_set_behind_a_proxy
from core.ratelimit import client_ip

from .test_platform import _production_env

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(("debug", "behind", "count", "refused"), [
    (False, True, 0, True),   # production behind nginx, PROXY_COUNT left at 0: the whole city one address
    (False, True, 1, False),
    (False, False, 0, False),  # clients connect to gunicorn directly (declared)
    (True, True, 0, False),    # development
])
def test_the_check_refuses_production_behind_a_proxy_without_proxy_count(settings, debug, behind, count, refused):
    settings.DEBUG, settings.BEHIND_TLS_PROXY, settings.PROXY_COUNT = debug, behind, count
    errors = proxy_count_is_set_behind_a_proxy()
    assert [e.id for e in errors] == ([PROXY_COUNT_UNSET] if refused else [])
    if refused:
        assert "PROXY_COUNT" in errors[0].msg and "README" in errors[0].hint


def test_manage_py_check_stops_in_production_without_proxy_count():
    env = _production_env()
    env.pop("PROXY_COUNT", None)
    result = subprocess.run([sys.executable, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode != 0 and "wagewatch.E001" in result.stderr + result.stdout


def test_the_deployment_files_set_proxy_count_and_run_the_checks_first():
    assert "PROXY_COUNT: ${PROXY_COUNT:-1}" in (ROOT / "docker-compose.yml").read_text()
    assert "PROXY_COUNT=1" in (ROOT / ".env.example").read_text()
    assert "manage.py check --fail-level ERROR && exec gunicorn" in (ROOT / "Dockerfile").read_text()
    readme = (ROOT / "README.md").read_text()
    deployment = readme[readme.index("## Deployment"):]
    assert "PROXY_COUNT" in deployment and "$proxy_add_x_forwarded_for" in deployment


def test_behind_one_proxy_two_workers_have_two_addresses(rf, settings):
    settings.PROXY_COUNT = 1
    first = rf.get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="1.2.3.4")
    second = rf.get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="forged, 5.6.7.8")
    assert (client_ip(first), client_ip(second)) == ("1.2.3.4", "5.6.7.8")
