"""One filterset for warnings, shared by the HTML list, its Excel export and the API."""

import django_filters
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import District

from .models import Warning, WarningStatus
from .rules import all_rules
from .rules.base import Level, Subject


def _districts(request):
    if request is None:
        return District.objects.none()
    return District.objects.visible_to(request.user)


def rule_choices():
    return [(spec.code, f"{spec.code} {_(spec.name)}") for spec, _evaluate in all_rules()]


class WarningFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Project, enterprise or rule"), method="filter_q", max_length=100)
    level = django_filters.ChoiceFilter(label=_("Level"), choices=Level.choices)
    rule = django_filters.ChoiceFilter(label=_("Rule"), choices=rule_choices)
    district = django_filters.ModelChoiceFilter(label=_("District"), queryset=_districts)
    status = django_filters.ChoiceFilter(label=_("Status"), choices=WarningStatus.choices)
    subject = django_filters.ChoiceFilter(label=_("Subject"), choices=Subject.choices)
    overdue = django_filters.BooleanFilter(label=_("Past its deadline"), method="filter_overdue")
    project = django_filters.NumberFilter(label=_("Project"), field_name="project_id", min_value=1)
    enterprise = django_filters.NumberFilter(label=_("Enterprise"), field_name="enterprise_id", min_value=1)

    class Meta:
        model = Warning
        fields = ["q", "level", "rule", "district", "status", "subject", "overdue", "project", "enterprise"]

    def filter_q(self, queryset, name, value):
        value = (value or "").strip()
        if not value:
            return queryset
        return queryset.filter(
            Q(rule__iexact=value)
            | Q(project__name__icontains=value)
            | Q(project__code__iexact=value)
            | Q(enterprise__name__icontains=value)
        )

    def filter_overdue(self, queryset, name, value):
        late = {"status": WarningStatus.OPEN, "due_on__lt": timezone.localdate()}
        return queryset.filter(**late) if value else queryset.exclude(**late)
