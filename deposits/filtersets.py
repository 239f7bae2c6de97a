"""One filterset per model, shared by the HTML list, its Excel export and the API."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from accounts.models import District
from core.filters import IdFilter, YearFilter

from .choices import Adjustment, ApprovalKind, ApprovalStatus, DepositForm, DepositStatus, FundLevel
from .models import Approval, Deposit, EmergencyFund


def _districts(request):
    if request is None:
        return District.objects.none()
    return District.objects.visible_to(request.user)


class DepositFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Project or contractor"), method="filter_q")
    district = django_filters.ModelChoiceFilter(label=_("District"), queryset=_districts,
                                                field_name="project__district")
    form = django_filters.ChoiceFilter(label=_("Form"), choices=DepositForm.choices)
    status = django_filters.ChoiceFilter(label=_("Status"), choices=DepositStatus.choices)
    adjustment = django_filters.ChoiceFilter(label=_("Rate"), choices=Adjustment.choices)
    overdue = django_filters.BooleanFilter(label=_("Overdue"), method="filter_overdue")
    expiring = django_filters.BooleanFilter(label=_("Guarantee expiring"), method="filter_expiring")
    cleanup = django_filters.BooleanFilter(label=_("Held after completion"), method="filter_cleanup")
    year = YearFilter(label=_("Year assessed"), field_name="assessed_on", lookup_expr="year")
    project = IdFilter(label=_("Project"), field_name="project_id")
    enterprise = IdFilter(label=_("General contractor"), field_name="enterprise_id")

    class Meta:
        model = Deposit
        fields = ["q", "district", "form", "status", "adjustment", "overdue", "expiring", "cleanup", "year",
                  "project", "enterprise"]

    def filter_q(self, queryset, name, value):
        value = (value or "").strip()
        if not value:
            return queryset
        return queryset.filter(Q(project__name__icontains=value) | Q(project__code__icontains=value)
                               | Q(enterprise__name__icontains=value) | Q(enterprise__credit_code=value.upper()))

    def filter_overdue(self, queryset, name, value):
        overdue = queryset.overdue()
        return overdue if value else queryset.exclude(pk__in=overdue.values("pk"))

    def filter_expiring(self, queryset, name, value):
        expiring = queryset.expiring()
        return expiring if value else queryset.exclude(pk__in=expiring.values("pk"))

    def filter_cleanup(self, queryset, name, value):
        held = queryset.held_after_completion()
        return held if value else queryset.exclude(pk__in=held.values("pk"))


class ApprovalFilterSet(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=ApprovalKind.choices)
    status = django_filters.ChoiceFilter(label=_("Status"), choices=ApprovalStatus.choices)
    district = django_filters.ModelChoiceFilter(label=_("District"), queryset=_districts)

    class Meta:
        model = Approval
        fields = ["kind", "status", "district"]


class EmergencyFundFilterSet(django_filters.FilterSet):
    level = django_filters.ChoiceFilter(label=_("Level"), choices=FundLevel.choices)
    district = django_filters.ModelChoiceFilter(label=_("District"), queryset=_districts)

    class Meta:
        model = EmergencyFund
        fields = ["level", "district"]
