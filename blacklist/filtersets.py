"""Filtersets shared by the HTML lists, their Excel exports and the API."""

import django_filters
from django.utils.translation import gettext_lazy as _

from accounts.models import District
from core.filters import IsoDateFilter

from .choices import BatchStatus, ListingStatus
from .models import ListingEntry, PublicationBatch


def _districts(request):
    if request is None:
        return District.objects.none()
    return District.objects.visible_to(request.user)


class ListingFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Name, credit code, decision or case"), method="filter_q")
    status = django_filters.ChoiceFilter(label=_("Status"), choices=ListingStatus.choices)
    district = django_filters.ModelChoiceFilter(label=_("District"), queryset=_districts)
    listed_from = IsoDateFilter(label=_("Listed from"), field_name="listed_on", lookup_expr="gte")
    listed_to = IsoDateFilter(label=_("Listed until"), field_name="listed_on", lookup_expr="lte")

    class Meta:
        model = ListingEntry
        fields = ["q", "status", "district", "listed_from", "listed_to"]

    def filter_q(self, queryset, name, value):
        return queryset.search(value)


class PublicationBatchFilterSet(django_filters.FilterSet):
    period = django_filters.CharFilter(label=_("Period"), lookup_expr="icontains")
    status = django_filters.ChoiceFilter(label=_("Status"), choices=BatchStatus.choices)

    class Meta:
        model = PublicationBatch
        fields = ["period", "status"]
