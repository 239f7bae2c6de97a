from django.db.models import Q
from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework.exceptions import NotFound
from rest_framework.response import Response
from rest_framework.views import APIView

from kernel.api.viewsets import ScopedReadOnlyViewSet
from kernel.roles import Role

from .. import risk
from ..filtersets import WarningFilterSet
from ..models import Warning, WarningStatus
from .serializers import RiskSerializer, WarningSerializer


class WarningViewSet(ScopedReadOnlyViewSet):
    """Warnings in the caller's scope (an employer only those addressed to it), with evidence and history."""

    queryset = Warning.objects.select_related("district").prefetch_related("events").order_by("-raised_at", "-pk")
    serializer_class = WarningSerializer
    filterset_class = WarningFilterSet
    ordering_fields = ["raised_at", "due_on", "level"]


class RiskView(APIView):
    """Risk colours for the dashboards: each project with an open warning in the caller's scope (its worst open
    warning) and each enterprise concerned (its worst over its projects and own warnings, at least orange when
    graded C, red while listed). Staff and department clients only."""

    @extend_schema(responses=RiskSerializer)
    def get(self, request):
        user = request.user
        if user.role == Role.ENTERPRISE and not user.is_superuser:
            raise NotFound
        visible = Warning.objects.visible_to(user).filter(status=WarningStatus.OPEN)
        project_ids = set(visible.filter(project_id__isnull=False).values_list("project_id", flat=True))
        enterprise_ids = set(visible.filter(Q(enterprise_id__isnull=False)).values_list("enterprise_id", flat=True))
        enterprise_ids |= set(
            visible.filter(project__general_contractor_id__isnull=False).values_list(
                "project__general_contractor_id", flat=True
            )
        )
        on = timezone.localdate()
        projects = risk.project_colours(project_ids)
        enterprises = risk.enterprise_colours(enterprise_ids, on)
        body = {
            "on": on,
            "projects": [{"id": pk, "colour": projects[pk].value} for pk in sorted(projects)],
            "enterprises": [
                {"id": pk, "colour": colour.value if colour else None} for pk, colour in sorted(enterprises.items())
            ],
        }
        return Response(RiskSerializer(body).data)
