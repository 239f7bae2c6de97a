# gunicorn settings of the web process (Dockerfile, docker-compose.yml, the bench).
# https://docs.gunicorn.org/en/stable/settings.html
import os

bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", "3"))
# Explicit timeouts: a request that runs longer than this is a bug to fix (large exports stream or run as a
# Celery job), not a wait to lengthen; gunicorn's silent default of 30 s turned a slow export into an HTTP 500.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
graceful_timeout = 30
keepalive = 5
accesslog = "-"
# Personal data (ID, card and phone numbers) masked in every access line.
logger_class = "core.gunicorn_logging.RedactingLogger"
