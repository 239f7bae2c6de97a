"""The public portal (no login): how to report unpaid wages, the complaint form and status page (cases),
the published joint-punishment list and major violations with search, certificate verification.

Every page is rate-limited per address (core.ratelimit) and shows no personal data of workers: the lists
read only the published fields (name, credit code, address, legal representative, facts, handling)."""

from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache

from accounts.models import District
from blacklist.models import ListingEntry, PublishedViolation
from blacklist.services.common import policy as blacklist_policy
from certificates import verification
from certificates.forms import VerifyForm
from core.ratelimit import allow, client_ip

PAGE_LIMIT = (120, 60)  # page views per address a minute
SEARCH_LIMIT = (30, 60)  # searches per address a minute
VERIFY_LIMIT = (20, 15 * 60)  # verifications per address in 15 minutes, found or not (serial enumeration)
PAGE_SIZE = 20


def _limited(request, kind: str, limit) -> bool:
    return not allow(f"portal-{kind}:{client_ip(request)}", *limit)


def _too_many(request):
    response = render(request, "portal/limited.html", status=429)
    response["Retry-After"] = "60"
    return response


def home(request):
    if _limited(request, "page", PAGE_LIMIT):
        return _too_many(request)
    today = timezone.localdate()
    return render(request, "portal/home.html", {
        "districts": District.objects.exclude(hotline="").order_by("sort_order", "code"),
        "listed_count": ListingEntry.objects.public(today).count(),
        "violation_count": PublishedViolation.objects.public().count(),
        "verify_form": VerifyForm(),
    })


def _search(request):
    q = (request.GET.get("q") or "").strip()[:100]
    if q and _limited(request, "search", SEARCH_LIMIT):
        return q, True
    return q, _limited(request, "page", PAGE_LIMIT)


def blacklist(request):
    """The joint-punishment list as published: in force, published, not withdrawn."""
    q, limited = _search(request)
    if limited:
        return _too_many(request)
    rows = (ListingEntry.objects.public(timezone.localdate()).search(q).select_related("enterprise", "district")
            .prefetch_related("persons").order_by("-listed_on", "-pk"))
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    # The terms in force (blacklist.BlacklistPolicy), so that the explanation follows the city's figures.
    terms = blacklist_policy(timezone.localdate())
    return render(request, "portal/blacklist.html", {"page": page, "q": q, "terms": terms})


def violations(request):
    q, limited = _search(request)
    if limited:
        return _too_many(request)
    rows = (PublishedViolation.objects.public().search(q).select_related("batch")
            .order_by("-batch__published_at", "pk"))
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "portal/violations.html", {"page": page, "q": q})


@never_cache
def verify(request):
    """The look-up form: serial number and code (as printed under the QR code)."""
    form = VerifyForm(request.GET or None)
    if form.is_valid():
        url = reverse("portal:verify-result", args=[form.cleaned_data["serial"].strip().upper()])
        return redirect(f"{url}?code={form.cleaned_data['code'].strip()}")
    if _limited(request, "page", PAGE_LIMIT):
        return _too_many(request)
    return render(request, "portal/verify.html", {"form": form})


@never_cache
def verify_result(request, serial):
    """Valid / expired / revoked, and nothing more; an unknown serial or a wrong code is 404 alike, and
    every attempt counts against the address's limit."""
    if _limited(request, "verify", VERIFY_LIMIT):
        return _too_many(request)
    found = verification.lookup(serial, request.GET.get("code", ""))
    if found is None:
        # A clear public answer (not the generic 404), the same for an unknown serial and a wrong code.
        return render(request, "portal/verify_failed.html", {"serial": serial[:24],
                                                               "form": VerifyForm(initial={"serial": serial[:24]})},
                      status=404)
    return render(request, "portal/verify_result.html", {"found": found})
