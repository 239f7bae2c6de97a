"""gunicorn's access log with personal data masked (issue 16: a full ID number in `?q=` reached the access
log). Every string of the access line — request line, query, referer, user agent — goes through the same
redaction as the application's log lines (core.logging.redact). Configured in gunicorn.conf.py."""

from gunicorn.glogging import Logger

from .logging import redact


class RedactingLogger(Logger):
    def atoms(self, resp, req, environ, request_time):
        atoms = super().atoms(resp, req, environ, request_time)
        return {key: redact(value) if isinstance(value, str) else value for key, value in atoms.items()}
