"""Certificates over the API: the public verification (the one anonymous API route, throttled), and for
departments and bidding platforms with a grant: certificates, a look-up by credit code and the
restricted-bidders list."""

from django.conf import settings
from django.shortcuts import get_object_or_404
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.decorators import action
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.throttling import SimpleRateThrottle
from rest_framework.views import APIView

from enterprises.models import Enterprise
from enterprises.validators import normalise_credit_code
from kernel.api.viewsets import ScopedReadOnlyViewSet

from .. import services, verification
from ..filtersets import CertificateFilterSet
from ..models import Certificate, CommitmentLetter
from .serializers import (
    CertificateSerializer,
    CreditCodeLookupSerializer,
    RestrictedSerializer,
    VerificationFailedSerializer,
    VerificationSerializer,
)


class VerifyThrottle(SimpleRateThrottle):
    """Per client address, for every attempt: found, unknown or wrong code (serial enumeration, P18)."""

    scope = "certificate_verify"
    rate = getattr(settings, "CERTIFICATE_VERIFY_RATE", "30/min")

    def get_cache_key(self, request, view):
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}


class VerifyView(APIView):
    """Verify a certificate by serial and code (optionally also the bidder's credit code): valid, expired or
    revoked; 404 for an unknown serial or a code that does not match, alike."""

    # PUBLIC API ALLOW-LIST: /api/v1/certificates/verify is the one API route open to anonymous callers
    # (bidding platforms, the QR code). It reveals only the state and dates; it is throttled per address.
    permission_classes = [AllowAny]
    authentication_classes = []
    throttle_classes = [VerifyThrottle]

    @extend_schema(parameters=[
        OpenApiParameter("serial", OpenApiTypes.STR, required=True),
        OpenApiParameter("code", OpenApiTypes.STR, required=True, description="The verification code."),
        OpenApiParameter("credit_code", OpenApiTypes.STR, description="Must match when given."),
    ], responses={200: VerificationSerializer, 404: VerificationFailedSerializer})
    def get(self, request):
        found = verification.lookup(request.query_params.get("serial", ""), request.query_params.get("code", ""),
                                    credit_code=request.query_params.get("credit_code", ""))
        if found is None:
            # One clear answer for an unknown serial, a wrong code or another holder's credit code, alike.
            return Response({"verified": False, "detail": str(verification.FAILED_MESSAGE)}, status=404)
        return Response(VerificationSerializer(found).data)


class CertificateViewSet(ScopedReadOnlyViewSet):
    """Certificates in the caller's scope (a DepartmentGrant on certificates.certificate for API clients)."""

    queryset = Certificate.objects.select_related("enterprise").order_by("-issued_on", "-pk")
    serializer_class = CertificateSerializer
    filterset_class = CertificateFilterSet

    @extend_schema(responses=CreditCodeLookupSerializer)
    @action(detail=False, methods=["get"], url_path=r"by-credit-code/(?P<credit_code>[0-9A-Za-z]{18})",
            pagination_class=None, filter_backends=[])
    def by_credit_code(self, request, credit_code=None):
        """For bidding platforms: the enterprise's restriction today (with the reasons), its certificates and
        commitment letters. 404 when unknown or outside the caller's scope."""
        enterprise = get_object_or_404(Enterprise.objects.visible_to(request.user),
                                       credit_code=normalise_credit_code(credit_code))
        result = services.check(enterprise)
        today = timezone.localdate()
        return Response(CreditCodeLookupSerializer({
            "credit_code": enterprise.credit_code, "name": enterprise.name, "restricted": not result.passed,
            "blockers": [b.as_dict() for b in result.blockers],
            "certificates": self.get_queryset().filter(enterprise=enterprise, valid_until__gte=today),
            "commitments": CommitmentLetter.objects.visible_to(request.user).filter(enterprise=enterprise,
                                                                                   valid_until__gte=today),
        }).data)

    @extend_schema(responses=RestrictedSerializer(many=True))
    @action(detail=False, methods=["get"], url_path="restricted-bidders", pagination_class=None,
            filter_backends=[])
    def restricted_bidders(self, request):
        """Enterprises in the caller's scope restricted from bidding today (the trading centre's list). The
        scope is the enterprises the caller may see (an API client's grant on enterprises.enterprise)."""
        rows = services.restricted_enterprises(Enterprise.objects.visible_to(request.user))
        return Response(RestrictedSerializer([
            {"credit_code": e.credit_code, "name": e.name, "district": e.district.code,
             "blockers": [b.as_dict() for b in found]} for e, found in rows], many=True).data)
