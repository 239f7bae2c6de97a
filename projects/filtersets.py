"""One filterset per model, shared by the HTML lists, their Excel exports and the API."""

import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from accounts.models import District
from core.filters import IdFilter, IsoDateFilter

from .choices import ProjectKind, ProjectStatus
from .models import Attendance, PayrollBatch, Project, Worker


def _districts(request):
    if request is None:
        return District.objects.none()
    return District.objects.visible_to(request.user)


def _enterprise_q(prefix, value):
    value = (value or "").strip()
    return Q(**{f"{prefix}__name__icontains": value}) | Q(**{f"{prefix}__credit_code": value.upper()})


class ProjectFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Name, code or address"), method="filter_q")
    district = django_filters.ModelChoiceFilter(label=_("District"), queryset=_districts)
    status = django_filters.ChoiceFilter(label=_("Status"), choices=ProjectStatus.choices)
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=ProjectKind.choices)
    client = django_filters.CharFilter(label=_("Construction client"), method="filter_client")
    contractor = django_filters.CharFilter(label=_("General contractor"), method="filter_contractor")
    government_invested = django_filters.BooleanFilter(label=_("Government-invested"))
    problems = django_filters.BooleanFilter(label=_("Compliance problems"), method="filter_problems")
    enterprise = IdFilter(label=_("Enterprise involved"), method="filter_enterprise")

    class Meta:
        model = Project
        fields = ["q", "district", "status", "kind", "client", "contractor", "government_invested", "problems",
                  "enterprise"]

    def filter_q(self, queryset, name, value):
        return queryset.search(value)

    def filter_client(self, queryset, name, value):
        return queryset.filter(_enterprise_q("client", value)) if value.strip() else queryset

    def filter_contractor(self, queryset, name, value):
        return queryset.filter(_enterprise_q("general_contractor", value)) if value.strip() else queryset

    def filter_problems(self, queryset, name, value):
        if value is None:
            return queryset
        problems = queryset.with_compliance_problems().values("pk")
        return queryset.filter(pk__in=problems) if value else queryset.exclude(pk__in=problems)

    def filter_enterprise(self, queryset, name, value):
        return queryset.involving(value)


class WorkerFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Name or full ID number"), method="filter_q")
    idx = django_filters.CharFilter(field_name="id_number_index", widget=forms.HiddenInput)
    project = django_filters.CharFilter(label=_("Project code"), method="filter_project")
    district = django_filters.ModelChoiceFilter(label=_("District"), queryset=_districts, method="filter_district")

    class Meta:
        model = Worker
        fields = ["q", "idx", "project", "district"]

    def filter_q(self, queryset, name, value):
        return queryset.search(value)

    def filter_project(self, queryset, name, value):
        value = value.strip()
        return queryset.filter(pk__in=Worker.employments.rel.related_model.objects.filter(
            project__code=value).values("worker_id")) if value else queryset

    @extend_schema_field(OpenApiTypes.INT)
    def filter_district(self, queryset, name, value):
        return queryset.filter(pk__in=Worker.employments.rel.related_model.objects.filter(
            project__district=value).values("worker_id"))


class PayrollBatchFilterSet(django_filters.FilterSet):
    project = IdFilter(label=_("Project"), field_name="project_id")
    month = IsoDateFilter(label=_("Month"))
    month_from = IsoDateFilter(label=_("From month"), field_name="month", lookup_expr="gte")
    month_to = IsoDateFilter(label=_("To month"), field_name="month", lookup_expr="lte")
    unpaid = django_filters.BooleanFilter(label=_("Workers not fully paid"), method="filter_unpaid")
    district = django_filters.ModelChoiceFilter(label=_("District"), queryset=_districts,
                                                field_name="project__district")

    class Meta:
        model = PayrollBatch
        fields = ["project", "month", "month_from", "month_to", "unpaid", "district"]

    def filter_unpaid(self, queryset, name, value):
        if value is None:
            return queryset
        return queryset.filter(unpaid_count__gt=0) if value else queryset.filter(unpaid_count=0)


class AttendanceFilterSet(django_filters.FilterSet):
    project = IdFilter(label=_("Project"), field_name="employment__project_id")
    month = IsoDateFilter(label=_("Month"))
    month_from = IsoDateFilter(label=_("From month"), field_name="month", lookup_expr="gte")
    month_to = IsoDateFilter(label=_("To month"), field_name="month", lookup_expr="lte")

    class Meta:
        model = Attendance
        fields = ["project", "month", "month_from", "month_to"]
