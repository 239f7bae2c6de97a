from decimal import Decimal

from django.db import transaction
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from kernel.api.viewsets import ScopedReadOnlyViewSet, ScopedViewSetMixin
from kernel.roles import Action

from .. import services
from ..filtersets import CaseFilterSet, ComplaintFilterSet
from ..models import Case, Complaint
from .serializers import CaseSerializer, CloseSerializer, ComplaintCreateSerializer, ComplaintSerializer


def _money_as_text(value):
    """Amounts as strings, like every money field of the API (COERCE_DECIMAL_TO_STRING)."""
    if isinstance(value, dict):
        return {k: _money_as_text(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_money_as_text(v) for v in value]
    if isinstance(value, Decimal):
        return f"{value:.2f}"
    return value


class ComplaintViewSet(ScopedViewSetMixin, mixins.CreateModelMixin, mixins.ListModelMixin,
                       mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Complaints and reports in the caller's scope. Departments with a writing grant on cases.complaint
    submit complaints here; the district is routed from the employer or project (属地管理)."""

    queryset = Complaint.objects.select_related("district", "case").order_by("-received_at", "-pk")
    serializer_class = ComplaintSerializer
    filterset_class = ComplaintFilterSet
    ordering_fields = ["received_at", "acceptance_deadline", "amount_owed"]

    def get_serializer_class(self):
        return ComplaintCreateSerializer if self.action == "create" else ComplaintSerializer

    def perform_create(self, serializer):
        data = dict(serializer.validated_data)
        district = data.pop("district", None)
        with transaction.atomic():
            serializer.instance = services.submit_complaint(Complaint(**data), actor=self.request.user,
                                                            chosen_district=district, enforce_scope=True)


class CaseViewSet(ScopedReadOnlyViewSet):
    """Cases in the caller's scope, with the statistics the dashboards read."""

    queryset = Case.objects.with_next_deadline().select_related("district").order_by("-filed_on", "-pk")
    serializer_class = CaseSerializer
    filterset_class = CaseFilterSet
    ordering_fields = ["filed_on", "next_deadline", "amount_owed", "recovered_amount"]
    action_scopes = {"close": Action.CHANGE, "mark_overdue": Action.CHANGE}

    @extend_schema(responses={200: dict})
    @action(detail=False, methods=["get"])
    def statistics(self, request):
        """Counts by state and district, amounts owed and recovered, workers (for the filters given)."""
        qs = self.filter_queryset(self.get_queryset())
        return Response(_money_as_text(qs.statistics()))

    @extend_schema(request=CloseSerializer, responses=CaseSerializer)
    @action(detail=True, methods=["post"])
    def close(self, request, pk=None):
        """Close the case with an outcome its state allows (409 otherwise)."""
        case = self.get_object()
        body = CloseSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        services.close_case(case, actor=request.user, outcome=body.validated_data["outcome"],
                            summary=body.validated_data["summary"])
        return Response(CaseSerializer(self.get_queryset().get(pk=case.pk)).data)

    @extend_schema(request=None, responses=CaseSerializer)
    @action(detail=True, methods=["post"], url_path="mark-overdue")
    def mark_overdue(self, request, pk=None):
        """Record that the order's deadline passed unpaid (409 before the deadline or in another state)."""
        case = self.get_object()
        services.mark_overdue(case, actor=request.user)
        return Response(CaseSerializer(self.get_queryset().get(pk=case.pk)).data, status=status.HTTP_200_OK)
