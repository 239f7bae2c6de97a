import django_filters
from django.utils.translation import gettext_lazy as _

from accounts.models import District

from .choices import EnterpriseKind, EnterpriseStatus, Grade, Industry
from .models import Enterprise


def _districts(request):
    if request is None:
        return District.objects.none()
    return District.objects.visible_to(request.user)


class EnterpriseFilterSet(django_filters.FilterSet):
    """Shared by the HTML list, its Excel export and the API."""

    q = django_filters.CharFilter(label=_("Name or credit code"), method="filter_q")
    district = django_filters.ModelChoiceFilter(label=_("District"), queryset=_districts)
    grade = django_filters.ChoiceFilter(label=_("Credit grade"), choices=Grade.choices)
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=EnterpriseKind.choices)
    industry = django_filters.ChoiceFilter(label=_("Industry"), choices=Industry.choices)
    status = django_filters.ChoiceFilter(label=_("Status"), choices=EnterpriseStatus.choices)
    state_owned = django_filters.BooleanFilter(label=_("State-owned"))
    provincial = django_filters.BooleanFilter(label=_("Provincially administered"))
    credit_code = django_filters.CharFilter(label=_("Unified social credit code"), lookup_expr="iexact")

    class Meta:
        model = Enterprise
        fields = ["q", "district", "grade", "kind", "industry", "status", "state_owned", "provincial",
                  "credit_code"]

    def filter_q(self, queryset, name, value):
        return queryset.search(value)
