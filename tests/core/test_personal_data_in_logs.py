"""No full ID number in a log line or a debug page (issue 16): gunicorn's access log, runserver's access log
and Django's debug 500 page all pass through core.logging's redaction."""

import datetime as dt
import logging
import sys

from django.test import RequestFactory
from django.utils.module_loading import import_string
from gunicorn.config import Config

from core.gunicorn_logging import RedactingLogger
from core.logging import RedactingFilter

FULL_ID = "620102198503120017"
CARD = "6222021234567894"


class _Response:
    status = "200 OK"
    sent = 512
    headers = []


def test_gunicorn_access_line_masks_ids_in_the_query_and_referer():
    logger = RedactingLogger(Config())
    environ = {"REQUEST_METHOD": "GET", "RAW_URI": f"/api/v1/workers/?q={FULL_ID}", "SERVER_PROTOCOL": "HTTP/1.1",
               "QUERY_STRING": f"q={FULL_ID}", "PATH_INFO": "/api/v1/workers/",
               "HTTP_REFERER": f"https://x/search/?q={FULL_ID}&card={CARD}", "REMOTE_ADDR": "10.0.0.1"}
    atoms = logger.atoms(_Response(), [], environ, dt.timedelta(milliseconds=5))
    line = " ".join(str(v) for v in atoms.values())
    assert FULL_ID not in line and CARD not in line
    assert "6201**********0017" in atoms["r"]


def test_runserver_access_lines_are_redacted():
    """runserver logs through django.server, which Django gives a handler of its own: ours must replace it."""
    # (pytest adds its capture handlers beside the configured one.)
    handlers = [h for h in logging.getLogger("django.server").handlers if type(h) is logging.StreamHandler]
    redacting = [h for h in handlers if any(isinstance(f, RedactingFilter) for f in h.filters)]
    assert redacting and len(redacting) == len(handlers)
    record = logging.LogRecord("django.server", logging.INFO, __file__, 1, '"GET /search/?q=%s" 302', (FULL_ID,), None)
    redacting[0].filter(record)
    assert record.getMessage() == '"GET /search/?q=6201**********0017" 302'


def test_the_debug_500_page_shows_no_full_id(settings):
    settings.DEBUG = True
    reporter_class = import_string(settings.DEFAULT_EXCEPTION_REPORTER)
    request = RequestFactory().post(f"/workers/?q={FULL_ID}", {"id_number": FULL_ID, "card": CARD})
    id_number = FULL_ID  # noqa: F841 (a local variable the page lists)
    try:
        raise ValueError(f"bad worker {FULL_ID}")
    except ValueError:
        reporter = reporter_class(request, *sys.exc_info())
        html, text = reporter.get_traceback_html(), reporter.get_traceback_text()
    for report in (html, text):
        assert FULL_ID not in report and CARD not in report
        assert "6201**********0017" in report
