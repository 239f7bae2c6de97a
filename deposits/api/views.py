import datetime as dt

from django.db.models import DecimalField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from core.aggregates import AsMoney, MoneySum
from deposits import services
from deposits.filtersets import ApprovalFilterSet, DepositFilterSet, EmergencyFundFilterSet
from deposits.models import Approval, Deposit, EmergencyFund, FundEntry, LedgerEntry
from kernel.api.viewsets import ScopedReadOnlyViewSet

from .serializers import (
    ApprovalSerializer,
    DepositSerializer,
    EmergencyFundSerializer,
    FundEntrySerializer,
    LedgerEntrySerializer,
    UsesSerializer,
)

MONEY_FIELD = DecimalField(max_digits=16, decimal_places=2)


class DepositViewSet(ScopedReadOnlyViewSet):
    """Wage deposits with the assessed amount, rate and explanation, the balance held and whether the
    project's construction permit may rely on it (for the construction bureau)."""

    queryset = Deposit.objects.select_related("project", "enterprise", "policy").order_by("-assessed_on", "pk")
    serializer_class = DepositSerializer
    filterset_class = DepositFilterSet
    ordering_fields = ["assessed_on", "required_amount", "due_on"]

    def get_queryset(self):
        return super().get_queryset().with_balance()

    @extend_schema(responses=LedgerEntrySerializer(many=True))
    # The whole history in one list, not a page: the schema says so too.
    @action(detail=True, methods=["get"], pagination_class=None)
    def ledger(self, request, pk=None):
        """The deposit's ledger in order; the balance is the running sum."""
        deposit = self.get_object()
        entries = LedgerEntry.objects.visible_to(request.user).filter(deposit=deposit).order_by("seq")
        return Response(LedgerEntrySerializer(entries, many=True).data)


class EmergencyFundViewSet(ScopedReadOnlyViewSet):
    """Emergency revolving funds and their balances (for the finance bureau)."""

    queryset = EmergencyFund.objects.select_related("district").order_by("level", "pk")
    serializer_class = EmergencyFundSerializer
    filterset_class = EmergencyFundFilterSet

    def get_queryset(self):
        total = (FundEntry.objects.filter(fund=OuterRef("pk")).order_by().values("fund")
                 .annotate(s=MoneySum("amount")).values("s"))
        return super().get_queryset().annotate(
            current=AsMoney(Coalesce(Subquery(total, output_field=MONEY_FIELD), Value(0), output_field=MONEY_FIELD)))

    @extend_schema(responses=FundEntrySerializer(many=True))
    # The whole history in one list, not a page: the schema says so too.
    @action(detail=True, methods=["get"], pagination_class=None)
    def ledger(self, request, pk=None):
        fund = self.get_object()
        entries = FundEntry.objects.visible_to(request.user).filter(fund=fund).order_by("seq")
        return Response(FundEntrySerializer(entries, many=True).data)

    @extend_schema(responses=UsesSerializer, parameters=[OpenApiParameter("since", str, description="YYYY-MM-DD")])
    @action(detail=False, methods=["get"])
    def uses(self, request):
        """Advances since a date over the funds in scope: count, amount, workers."""
        try:
            since = dt.date.fromisoformat(request.query_params.get("since", "2017-01-01"))
        except ValueError as exc:
            raise ValidationError({"since": "YYYY-MM-DD"}) from exc
        return Response(UsesSerializer(services.uses_since(self.get_queryset(), since)).data)


class ApprovalViewSet(ScopedReadOnlyViewSet):
    """Draw, return and advance requests with their decisions."""

    queryset = Approval.objects.order_by("-requested_at", "pk")
    serializer_class = ApprovalSerializer
    filterset_class = ApprovalFilterSet
