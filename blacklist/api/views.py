"""The list for departments: entries as far as the caller's scope reaches, and the joint-punishment feed
(listed, removed, expired) with a since= cursor for incremental sync (DepartmentGrant on
blacklist.punishmentnotice)."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.exceptions import ValidationError
from rest_framework.generics import GenericAPIView
from rest_framework.response import Response

from kernel.api.viewsets import ScopedReadOnlyViewSet, ScopedViewSetMixin

from ..filtersets import ListingFilterSet
from ..models import ListingEntry, PunishmentNotice
from .serializers import FeedSerializer, ListingEntrySerializer, PunishmentNoticeSerializer

FEED_DEFAULT_LIMIT = 100
FEED_MAX_LIMIT = 500


class ListingEntryViewSet(ScopedReadOnlyViewSet):
    """Joint-punishment list entries (all states) in the caller's scope."""

    queryset = (ListingEntry.objects.select_related("enterprise", "district", "case").prefetch_related("persons")
                .order_by("-proposed_on", "-pk"))
    serializer_class = ListingEntrySerializer
    filterset_class = ListingFilterSet


class PunishmentFeedView(ScopedViewSetMixin, GenericAPIView):
    """Notices with an id greater than `since`, oldest first. Keep the returned next_since and call again;
    has_more says whether to call at once."""

    queryset = PunishmentNotice.objects.select_related("entry").order_by("pk")
    serializer_class = FeedSerializer
    pagination_class = None
    filter_backends = []

    @extend_schema(parameters=[
        OpenApiParameter("since", OpenApiTypes.INT, description="Last notice id already synced (0 at first)."),
        OpenApiParameter("limit", OpenApiTypes.INT, description=f"At most {FEED_MAX_LIMIT}."),
    ], responses=FeedSerializer)
    def get(self, request):
        try:
            since = int(request.query_params.get("since", 0))
            limit = min(int(request.query_params.get("limit", FEED_DEFAULT_LIMIT)), FEED_MAX_LIMIT)
        except ValueError as exc:
            raise ValidationError({"since": "an integer"}) from exc
        if since < 0 or limit < 1:
            raise ValidationError({"since": "since ≥ 0 and limit ≥ 1"})
        rows = list(self.get_queryset().filter(pk__gt=since)[:limit + 1])
        has_more = len(rows) > limit
        rows = rows[:limit]
        return Response({"results": PunishmentNoticeSerializer(rows, many=True).data,
                         "next_since": rows[-1].pk if rows else since, "has_more": has_more})
