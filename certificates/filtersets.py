import django_filters
from django.utils.translation import gettext_lazy as _

from accounts.models import District
from core.filters import IsoDateFilter

from .choices import CertificateStatus, Purpose
from .models import Certificate


def _districts(request):
    if request is None:
        return District.objects.none()
    return District.objects.visible_to(request.user)


class CertificateFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Serial, name or credit code"), method="filter_q")
    status = django_filters.ChoiceFilter(label=_("Status"), choices=CertificateStatus.choices)
    purpose = django_filters.ChoiceFilter(label=_("Purpose"), choices=Purpose.choices)
    district = django_filters.ModelChoiceFilter(label=_("District"), queryset=_districts)
    issued_from = IsoDateFilter(label=_("Issued from"), field_name="issued_on", lookup_expr="gte")

    class Meta:
        model = Certificate
        fields = ["q", "status", "purpose", "district", "issued_from"]

    def filter_q(self, queryset, name, value):
        return queryset.search(value)
