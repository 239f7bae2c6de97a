from django_filters import rest_framework as filters
from drf_spectacular.utils import extend_schema
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.models import District, User
from kernel.api.viewsets import ScopedReadOnlyViewSet

from .serializers import DistrictSerializer, MeSerializer


class MeView(APIView):
    """The signed-in user or API client, with role and scope."""

    @extend_schema(responses=MeSerializer)
    def get(self, request):
        user = User.objects.select_related("district", "enterprise", "department").get(pk=request.user.pk)
        return Response(MeSerializer(user).data)


class DistrictFilter(filters.FilterSet):
    class Meta:
        model = District
        fields = {"kind": ["exact"], "code": ["exact"]}


class DistrictViewSet(ScopedReadOnlyViewSet):
    """Districts of the city, as far as the caller's scope reaches."""

    queryset = District.objects.all()
    serializer_class = DistrictSerializer
    filterset_class = DistrictFilter
    ordering_fields = ["sort_order", "code", "population"]
