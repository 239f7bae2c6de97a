import uuid

from django.conf import settings

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
