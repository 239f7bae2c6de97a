from core.api.viewsets import ScopedReadOnlyViewSet
from enterprises.filtersets import EnterpriseFilterSet
from enterprises.models import Enterprise

from .serializers import EnterpriseSerializer


class EnterpriseViewSet(ScopedReadOnlyViewSet):
    """The employer registry, as far as the caller's scope reaches."""

    queryset = Enterprise.objects.select_related("district").order_by("name", "pk")
    serializer_class = EnterpriseSerializer
    filterset_class = EnterpriseFilterSet
    ordering_fields = ["name", "credit_code", "grade", "employee_count"]
