"""One filterset per model, shared by the HTML list, its Excel export and the API."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from accounts.models import District
from core.filters import IdFilter, YearFilter

from .choices import (
    CTrigger,
    EnterpriseKind,
    EnterpriseStatus,
    Grade,
    GradeStatus,
    Handling,
    Industry,
    ViolationCategory,
)
from .models import CreditGrade, Enterprise, Violation


def _districts(request):
    if request is None:
        return District.objects.none()
    return District.objects.visible_to(request.user)


def _search_enterprise(queryset, value, prefix=""):
    value = (value or "").strip()
    if not value:
        return queryset
    return queryset.filter(Q(**{f"{prefix}name__icontains": value})
                           | Q(**{f"{prefix}credit_code__icontains": value.upper()}))


class EnterpriseFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Name or credit code"), method="filter_q")
    district = django_filters.ModelChoiceFilter(label=_("District"), queryset=_districts)
    grade = django_filters.ChoiceFilter(label=_("Credit grade"), choices=Grade.choices)
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=EnterpriseKind.choices)
    industry = django_filters.ChoiceFilter(label=_("Industry"), choices=Industry.choices)
    status = django_filters.ChoiceFilter(label=_("Status"), choices=EnterpriseStatus.choices)
    state_owned = django_filters.BooleanFilter(label=_("State-owned"))
    provincial = django_filters.BooleanFilter(label=_("Provincially administered"))
    credit_code = django_filters.CharFilter(label=_("Unified social credit code"), method="filter_credit_code")

    class Meta:
        model = Enterprise
        fields = ["q", "district", "grade", "kind", "industry", "status", "state_owned", "provincial",
                  "credit_code"]

    def filter_q(self, queryset, name, value):
        return queryset.search(value)

    def filter_credit_code(self, queryset, name, value):
        # The exact code, upper-cased first so the unique index serves the lookup.
        return queryset.filter(credit_code=value.strip().upper())


class CreditGradeFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Name or credit code"), method="filter_q")
    district = django_filters.ModelChoiceFilter(label=_("District"), queryset=_districts,
                                                field_name="enterprise__district")
    year = YearFilter(label=_("Evaluation year"))
    grade = django_filters.ChoiceFilter(label=_("Grade"), choices=Grade.choices)
    status = django_filters.ChoiceFilter(label=_("Status"), choices=GradeStatus.choices)
    enterprise = IdFilter(label=_("Enterprise"), field_name="enterprise_id")

    class Meta:
        model = CreditGrade
        fields = ["q", "district", "year", "grade", "status", "enterprise"]

    def filter_q(self, queryset, name, value):
        return _search_enterprise(queryset, value, "enterprise__")


class ViolationFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Name or credit code"), method="filter_q")
    district = django_filters.ModelChoiceFilter(label=_("District"), queryset=_districts,
                                                field_name="enterprise__district")
    category = django_filters.ChoiceFilter(label=_("Evaluation item"), choices=ViolationCategory.choices)
    handling = django_filters.ChoiceFilter(label=_("Handling"), choices=Handling.choices)
    c_trigger = django_filters.ChoiceFilter(label=_("Serious circumstance"), choices=CTrigger.choices)
    year = YearFilter(label=_("Year"), field_name="decided_on", lookup_expr="year")
    revoked = django_filters.BooleanFilter(label=_("Decision revoked"))

    class Meta:
        model = Violation
        fields = ["q", "district", "category", "handling", "c_trigger", "year", "revoked"]

    def filter_q(self, queryset, name, value):
        return _search_enterprise(queryset, value, "enterprise__")
