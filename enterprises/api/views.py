from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework.decorators import action
from rest_framework.response import Response

from enterprises.filtersets import CreditGradeFilterSet, EnterpriseFilterSet
from enterprises.models import CreditGrade, Enterprise
from enterprises.validators import normalise_credit_code
from kernel.api.viewsets import ScopedReadOnlyViewSet

from .serializers import CreditGradeSerializer, EnterpriseDetailSerializer, EnterpriseSerializer


class EnterpriseViewSet(ScopedReadOnlyViewSet):
    """The employer registry, as far as the caller's scope reaches. `?q=` searches name and credit code."""

    queryset = Enterprise.objects.select_related("district").order_by("name", "pk")
    serializer_class = EnterpriseSerializer
    filterset_class = EnterpriseFilterSet
    ordering_fields = ["name", "credit_code", "grade", "employee_count"]

    def get_serializer_class(self):
        if self.action in ("retrieve", "by_credit_code"):
            return EnterpriseDetailSerializer
        return EnterpriseSerializer

    @extend_schema(responses=EnterpriseDetailSerializer)
    @action(detail=False, methods=["get"], url_path=r"by-credit-code/(?P<credit_code>[0-9A-Za-z]{18})")
    def by_credit_code(self, request, credit_code=None):
        """Look an enterprise up by its unified social credit code (404 when unknown or out of scope)."""
        enterprise = get_object_or_404(self.get_queryset(), credit_code=normalise_credit_code(credit_code))
        return Response(self.get_serializer(enterprise).data)

    @extend_schema(responses=CreditGradeSerializer(many=True))
    # The whole history in one list, not a page: the schema says so too.
    @action(detail=True, methods=["get"], pagination_class=None)
    def grades(self, request, pk=None):
        """The enterprise's grade history, newest first."""
        enterprise = self.get_object()
        grades = (CreditGrade.objects.visible_to(request.user).filter(enterprise=enterprise)
                  .select_related("enterprise", "decided_by"))
        return Response(CreditGradeSerializer(grades, many=True).data)


class CreditGradeViewSet(ScopedReadOnlyViewSet):
    """Credit grades (proposals and decisions) as far as the caller's scope reaches."""

    queryset = CreditGrade.objects.select_related("enterprise", "decided_by").order_by("-year", "pk")
    serializer_class = CreditGradeSerializer
    filterset_class = CreditGradeFilterSet
    ordering_fields = ["year", "grade", "decided_at"]
