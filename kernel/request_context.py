"""The current request's address and id, for audit events written deep inside services."""

from contextvars import ContextVar

_ip: ContextVar[str | None] = ContextVar("wagewatch_ip", default=None)
_request_id: ContextVar[str] = ContextVar("wagewatch_request_id", default="")


def set_context(ip: str | None, request_id: str):
    return _ip.set(ip), _request_id.set(request_id)


def reset_context(tokens):
    _ip.reset(tokens[0])
    _request_id.reset(tokens[1])


def current_ip() -> str | None:
    return _ip.get()


def current_request_id() -> str:
    return _request_id.get()
