"""One filterset per model, shared by the HTML list, its Excel export and the API."""

import django_filters
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import District
from core.city_settings import city_setting
from core.filters import IdFilter, IsoDateFilter

from .choices import CaseOutcome, CaseStatus, Channel, ComplaintKind, ComplaintStatus
from .models import Case, Complaint, MassIncident


def _districts(request):
    if request is None:
        return District.objects.none()
    return District.objects.visible_to(request.user)


class ComplaintFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Tracking number, employer or address"), method="filter_q")
    district = django_filters.ModelChoiceFilter(label=_("District"), queryset=_districts)
    status = django_filters.ChoiceFilter(label=_("Status"), choices=ComplaintStatus.choices)
    channel = django_filters.ChoiceFilter(label=_("Channel"), choices=Channel.choices)
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=ComplaintKind.choices)
    received_from = IsoDateFilter(label=_("Received from"), field_name="received_on", lookup_expr="gte")
    received_to = IsoDateFilter(label=_("Received until"), field_name="received_on", lookup_expr="lte")
    overdue = django_filters.BooleanFilter(label=_("Decision overdue"), method="filter_overdue")
    grouped = django_filters.BooleanFilter(label=_("Grouped with others"), field_name="group_lead",
                                           lookup_expr="isnull", exclude=True)
    enterprise = IdFilter(label=_("Enterprise"), field_name="enterprise_id")

    class Meta:
        model = Complaint
        fields = ["q", "district", "status", "channel", "kind", "received_from", "received_to", "overdue",
                  "grouped", "enterprise"]

    def filter_q(self, queryset, name, value):
        return queryset.search(value)

    def filter_overdue(self, queryset, name, value):
        late = {"status__in": ComplaintStatus.open(), "acceptance_deadline__lt": timezone.localdate()}
        return queryset.filter(**late) if value else queryset.exclude(**late)


class CaseFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Case number or employer"), method="filter_q")
    district = django_filters.ModelChoiceFilter(label=_("District"), queryset=_districts)
    status = django_filters.MultipleChoiceFilter(label=_("Status"), choices=CaseStatus.choices)
    outcome = django_filters.ChoiceFilter(label=_("Outcome"), choices=CaseOutcome.choices)
    open = django_filters.BooleanFilter(label=_("Open"), method="filter_open")
    overdue = django_filters.BooleanFilter(label=_("Past a deadline"), method="filter_overdue")
    flagged = django_filters.BooleanFilter(label=_("Large or difficult"))
    listed_supervision = django_filters.BooleanFilter(label=_("Listed supervision"))
    mine = django_filters.BooleanFilter(label=_("My cases"), method="filter_mine")
    filed_from = IsoDateFilter(label=_("Filed from"), field_name="filed_on", lookup_expr="gte")
    filed_to = IsoDateFilter(label=_("Filed until"), field_name="filed_on", lookup_expr="lte")
    enterprise = IdFilter(label=_("Enterprise"), field_name="enterprise_id")
    project = IdFilter(label=_("Project"), field_name="project_id")

    class Meta:
        model = Case
        fields = ["q", "district", "status", "outcome", "open", "overdue", "flagged", "listed_supervision", "mine",
                  "filed_from", "filed_to", "enterprise", "project"]

    def filter_q(self, queryset, name, value):
        return queryset.search(value)

    def filter_open(self, queryset, name, value):
        return queryset.filter(status__in=CaseStatus.open()) if value else queryset.filter(
            status__in=CaseStatus.finished())

    def filter_overdue(self, queryset, name, value):
        late = queryset.overdue(timezone.localdate()).values("pk")
        return queryset.filter(pk__in=late) if value else queryset.exclude(pk__in=late)

    def filter_mine(self, queryset, name, value):
        if not value or self.request is None:
            return queryset
        return queryset.assigned_to(self.request.user)


class MassIncidentFilterSet(django_filters.FilterSet):
    district = django_filters.ModelChoiceFilter(label=_("District"), queryset=_districts)
    major = django_filters.BooleanFilter(label=_("Major (50+ workers)"), method="filter_major")
    occurred_from = IsoDateFilter(label=_("From"), field_name="occurred_at", lookup_expr="date__gte")
    occurred_to = IsoDateFilter(label=_("Until"), field_name="occurred_at", lookup_expr="date__lte")
    enterprise = IdFilter(label=_("Enterprise"), field_name="enterprise_id")

    class Meta:
        model = MassIncident
        fields = ["district", "major", "occurred_from", "occurred_to", "enterprise"]

    def filter_major(self, queryset, name, value):
        key = {"workers_involved__gte": city_setting("major_incident_workers")}
        return queryset.filter(**key) if value else queryset.exclude(**key)
