"""The roster for departments with a grant (read), and the published spot-check results for anyone."""

from rest_framework import viewsets
from rest_framework.permissions import AllowAny

from kernel.api.pagination import StandardPagination
from kernel.api.viewsets import ScopedReadOnlyViewSet

from ..filtersets import InspectorFilterSet
from ..models import Inspector, SpotCheckResult
from .serializers import InspectorSerializer, SpotCheckSerializer


class InspectorViewSet(ScopedReadOnlyViewSet):
    """Inspectors and grid assistants in the caller's scope; phones masked."""

    queryset = Inspector.objects.select_related("district").order_by("pk")
    serializer_class = InspectorSerializer
    filterset_class = InspectorFilterSet


class SpotCheckViewSet(viewsets.ReadOnlyModelViewSet):
    """Published spot-check results (双随机、一公开), newest first.

    PUBLIC API ALLOW-LIST: /api/v1/spot-checks/ is open to anonymous callers, like the public page, and reads
    only results already published (an unpublished result is 404 for everybody here)."""

    permission_classes = [AllowAny]
    authentication_classes = []
    pagination_class = StandardPagination
    serializer_class = SpotCheckSerializer
    queryset = (
        SpotCheckResult.objects.published()
        .select_related("target__enterprise__district", "target__draw__batch__plan")
        .prefetch_related("items", "target__inspectors")
        .order_by("-published_at", "-pk")
    )
