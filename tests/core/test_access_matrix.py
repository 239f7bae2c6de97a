"""Deny by default (peers.md P1, P3): every route refuses anonymous callers unless it is on the
explicit public allow-list, and every API view has a non-AllowAny permission."""

import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver
from rest_framework.permissions import AllowAny

pytestmark = pytest.mark.django_db

# Routes anyone may open. A new public route must be added here on purpose.
PUBLIC = [
    r"^accounts/login/$",
    r"^accounts/logout/$",
    r"^i18n/",
    r"^jsi18n/$",
    r"^healthz$",
    r"^admin/",  # the admin answers with its own login page
    r"^cases/public/",
    r"^public/",
    r"^verify/",
    # Bidding platforms verify certificates without an account (certificates/api/views.py).
    r"^api/v1/certificates/verify$",
    # The double-random spot checks are public (双随机、一公开): plans, draws with their commitment and seed,
    # the verification record and the published results (inspections/views/public.py, api/views.py).
    r"^inspections/public/",
    r"^api/v1/\^?spot-checks/",
]


def walk(resolver=None, prefix=""):
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        pattern = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            yield from walk(entry, pattern)
        elif isinstance(entry, URLPattern):
            yield pattern, entry


def concrete_url(pattern: str) -> str:
    url = re.sub(r"\(\?P<\w+>[^)]*\)", "1", pattern)  # DRF router regexes
    url = re.sub(r"<(?:int:)?[a-z_]*pk>|<int:[a-z_]+>", "1", url)
    url = re.sub(r"<[a-z]+:[a-z_]+>|<[a-z_]+>", "x", url)
    url = url.replace("^", "").replace("$", "").replace("\\Z", "")
    return "/" + url


ROUTES = [(p, e) for p, e in walk() if not any(re.match(r, p) for r in PUBLIC)]


@pytest.mark.parametrize(("pattern", "entry"), ROUTES, ids=[p for p, _ in ROUTES])
def test_anonymous_is_refused(client, pattern, entry, personas):
    url = concrete_url(pattern)
    for method in ("get", "post"):
        response = getattr(client, method)(url)
        assert response.status_code in (302, 401, 403, 404, 405), (method, url, response.status_code)
        if response.status_code == 302:
            assert "/accounts/login/" in response.url, (method, url, response.url)


@pytest.mark.parametrize(("pattern", "entry"), ROUTES, ids=[p for p, _ in ROUTES])
def test_api_views_never_allow_any(pattern, entry):
    view = getattr(entry.callback, "cls", None) or getattr(entry.callback, "view_class", None)
    permission_classes = getattr(view, "permission_classes", None)
    if permission_classes is None:
        return
    assert AllowAny not in permission_classes, pattern
