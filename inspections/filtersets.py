"""One filterset per list, shared by the HTML list, its Excel export and the API."""

import django_filters
from django.utils.translation import gettext_lazy as _

from accounts.models import District
from core.filters import YearFilter

from .choices import InspectorKind
from .models import Inspector, SpotCheckPlan


def _districts(request):
    if request is None:
        return District.objects.none()
    return District.objects.visible_to(request.user)


class InspectorFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Name, certificate or grid"), method="filter_q")
    district = django_filters.ModelChoiceFilter(label=_("District"), queryset=_districts)
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=InspectorKind.choices)
    active = django_filters.BooleanFilter(label=_("Active"))

    class Meta:
        model = Inspector
        fields = ["q", "district", "kind", "active"]

    def filter_q(self, queryset, name, value):
        return queryset.search(value)


class PlanFilterSet(django_filters.FilterSet):
    year = YearFilter(label=_("Year"))
    district = django_filters.ModelChoiceFilter(label=_("District"), queryset=_districts)

    class Meta:
        model = SpotCheckPlan
        fields = ["year", "district"]
