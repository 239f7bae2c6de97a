# WageWatch image: gunicorn for the web, the same image runs the Celery worker and beat.
FROM python:3.11-slim-bookworm

ENV PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 DJANGO_DEBUG=false
RUN apt-get update \
 && apt-get install -y --no-install-recommends gettext fonts-noto-cjk libharfbuzz-subset0 libpango-1.0-0 libpangoft2-1.0-0 \
 && rm -rf /var/lib/apt/lists/*
RUN useradd --create-home --uid 1000 wagewatch
WORKDIR /app
COPY requirements.txt .
RUN pip install -r requirements.txt
COPY . .
# collectstatic needs a secret at build time only; the real one comes from the environment.
RUN SECRET_KEY=build FIELD_ENCRYPTION_KEYS=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY= BLIND_INDEX_KEY=build \
    python manage.py collectstatic --noinput \
 && python manage.py compilemessages --ignore=.venv \
 && chown -R wagewatch /app
USER wagewatch
EXPOSE 8000
# The system checks run first: a production setting that cannot work (e.g. PROXY_COUNT unset behind the proxy)
# stops the container with its message instead of serving.
CMD ["sh", "-c", "python manage.py check --fail-level ERROR && exec gunicorn -c gunicorn.conf.py wagewatch.wsgi:application"]
