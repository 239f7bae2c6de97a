import uuid

from django.conf import settings
from django.core.exceptions import SuspiciousOperation

from kernel.request_context import reset_context, set_context

from .ratelimit import client_ip


class ContentSecurityPolicyMiddleware:
    """Sends the CSP header: every script and style comes from our own static files."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", settings.CONTENT_SECURITY_POLICY)
        return response


class RequestContextMiddleware:
    """Makes the client address and a request id available to audit events."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request_id = request.headers.get("X-Request-ID", "")[:36] or str(uuid.uuid4())
        tokens = set_context(client_ip(request), request_id)
        try:
            response = self.get_response(request)
        finally:
            reset_context(tokens)
        response.headers["X-Request-ID"] = request_id
        return response


class UnprocessableCharacters(SuspiciousOperation):
    """Answered 400 (Django renders templates/400.html)."""


class RejectNulMiddleware:
    """A NUL character in the path, the query string or a submitted form field is refused with 400.

    PostgreSQL cannot store or compare a string containing NUL and raises, so a pasted "A\x00B" in a look-up
    (the public certificate check) was a 500. Forms refuse NUL in their own fields, but a view reading
    request.GET or request.POST directly does not; this is the one place that covers them all. JSON bodies are
    the API serializers' (DRF's CharField refuses NUL)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path or _has_nul(request.GET) or (
                request.method == "POST" and request.content_type in _FORM_TYPES and _has_nul(request.POST)):
            raise UnprocessableCharacters("NUL character in the request")
        return self.get_response(request)


_FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


def _has_nul(query) -> bool:
    return any("\x00" in key or any("\x00" in value for value in values) for key, values in query.lists())
