"""The API's one exception handler (settings REST_FRAMEWORK EXCEPTION_HANDLER).

A business refusal (`kernel.errors.DomainError`) answers its status (400 for a rule, 409 for a state or a
concurrent change) with `{"detail": <message in the request's language>, "code": …, "field"?: …}`; a
refusal naming several fields adds `"fields": {field: message}`. Django's PermissionDenied keeps its
message (403). Everything else is DRF's own handling.
"""

from django.core.exceptions import PermissionDenied
from rest_framework import exceptions
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from kernel.errors import DomainError


def exception_handler(exc, context):
    if isinstance(exc, DomainError):
        body = {"detail": exc.message, "code": exc.code}
        if exc.field:
            body["field"] = exc.field
        if len(exc.fields) > 1:
            body["fields"] = exc.fields
        return Response(body, status=exc.status_code)
    if isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied(str(exc) or None)
    return drf_exception_handler(exc, context)
