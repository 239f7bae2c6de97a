"""Deployment checks, migrations, compose file, security headers and templates."""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

from wagewatch.schedules import SCHEDULES

ROOT = Path(__file__).resolve().parents[2]


def _production_env():
    from cryptography.fernet import Fernet

    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update(
        DJANGO_DEBUG="false",
        SECRET_KEY="x" * 20 + "-production-secret-for-the-deploy-check-" + "y" * 20,
        FIELD_ENCRYPTION_KEYS=Fernet.generate_key().decode(),
        BLIND_INDEX_KEY="blind-index-key",
        ALLOWED_HOSTS="wagewatch.example.gov.cn",
        PROXY_COUNT="1",
        DJANGO_SETTINGS_MODULE="wagewatch.settings",
    )
    return env


def test_check_deploy_is_clean_with_production_settings():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT, env=_production_env(), capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_secrets():
    env = _production_env()
    del env["SECRET_KEY"]
    result = subprocess.run([sys.executable, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


@pytest.mark.django_db
def test_no_model_change_lacks_a_migration():
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


def test_docker_compose_file_is_valid(tmp_path):
    compose = shutil.which("docker-compose")
    assert compose, "docker-compose (Debian, v1) is installed by `make system-deps`"
    shutil.copy(ROOT / "docker-compose.yml", tmp_path / "docker-compose.yml")
    shutil.copy(ROOT / ".env.example", tmp_path / ".env")
    result = subprocess.run([compose, "config"], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    for service in ("postgres:", "redis:", "web:", "worker:", "beat:"):
        assert service in result.stdout
    assert result.stdout.count("healthcheck:") >= 4


TEMPLATES = sorted((ROOT / "templates").rglob("*.html"))


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: str(p.relative_to(ROOT / "templates")))
def test_templates_have_no_inline_script_and_no_cdn(template):
    text = template.read_text()
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", text), "inline <script> breaks the CSP"
    assert not re.search(r"\son[a-z]+\s*=", text), "inline event handlers break the CSP"
    assert not re.search(r"(src|href)=\"https?://", text), "vendor assets under static/ (no CDN)"


def test_vendored_assets_are_committed():
    for path in ("vendor/htmx/htmx.min.js", "vendor/bootstrap/css/bootstrap.min.css",
                 "vendor/bootstrap/css/bootstrap.min.css.map", "vendor/echarts/echarts.min.js",
                 "vendor/bootstrap/js/bootstrap.bundle.min.js.map"):
        assert (ROOT / "static" / path).stat().st_size > 1000, path
    assert b"2.0.11" in (ROOT / "static/vendor/htmx/htmx.min.js").read_bytes()


@pytest.mark.django_db
def test_pages_send_security_headers(client, personas):
    client.force_login(personas.chengguan_inspector)
    response = client.get("/")
    csp = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Request-ID"]


@pytest.mark.django_db
def test_healthz(client):
    response = client.get("/healthz")
    assert response.status_code == 200 and response.json() == {"status": "ok"}


@pytest.mark.django_db
def test_sync_schedules_is_idempotent():
    from django_celery_beat.models import PeriodicTask

    from wagewatch.schedules import SCHEDULES

    call_command("sync_schedules", verbosity=0)
    call_command("sync_schedules", verbosity=0)
    task = PeriodicTask.objects.get(name="wagewatch: calendar coverage check")
    assert task.task == "core.check_calendar_coverage" and task.enabled
    assert PeriodicTask.objects.filter(name__startswith="wagewatch: ").count() == len(SCHEDULES)


def test_every_schedule_names_a_registered_task():
    from wagewatch.celery import app

    app.loader.import_default_modules()
    for name, task, crontab in SCHEDULES:
        assert task in app.tasks, (name, task)
        assert len(crontab) == 5


@pytest.mark.django_db
def test_celery_settings_survive_a_dead_worker(settings):
    assert settings.CELERY_TASK_ACKS_LATE is True
    assert settings.CELERY_TASK_REJECT_ON_WORKER_LOST is True
    assert settings.CELERY_WORKER_PREFETCH_MULTIPLIER == 1
    assert settings.CELERY_BEAT_SCHEDULER.endswith("DatabaseScheduler")
