from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView

from accounts.choices import Role
from core.views import FilteredListView, ScopedMixin

from .filtersets import EnterpriseFilterSet
from .models import Enterprise


class EnterpriseListView(FilteredListView):
    model = Enterprise
    filterset_class = EnterpriseFilterSet
    template_name = "enterprises/enterprise_list.html"
    export_filename = "enterprises"
    export_columns = [
        (_("Unified social credit code"), lambda e: e.credit_code),
        (_("Name"), lambda e: e.name),
        (_("District"), lambda e: e.district.name),
        (_("Kind"), lambda e: e.get_kind_display()),
        (_("Industry"), lambda e: e.get_industry_display()),
        (_("Credit grade"), lambda e: e.grade),
        (_("Legal representative"), lambda e: e.legal_representative),
        (_("Address"), lambda e: e.address),
        (_("Registered capital (10k CNY)"), lambda e: e.registered_capital),
        (_("Employees"), lambda e: e.employee_count),
        (_("Social-insurance headcount"), lambda e: e.insured_count),
        (_("State-owned"), lambda e: _("Yes") if e.state_owned else _("No")),
        (_("Status"), lambda e: e.get_status_display()),
    ]

    def get_queryset(self):
        return super().get_queryset().select_related("district").order_by("name", "pk")


class EnterpriseDetailView(ScopedMixin, DetailView):
    model = Enterprise
    template_name = "enterprises/enterprise_detail.html"

    def get_queryset(self):
        return super().get_queryset().select_related("district")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        enterprise = self.object
        context["contacts"] = enterprise.contacts.all()
        context["timeline"] = enterprise.timeline.select_related("actor")[:100]
        return context


def my_enterprise(request):
    """An enterprise user's own file."""
    if not request.user.is_authenticated or request.user.role != Role.ENTERPRISE:
        return redirect("home")
    enterprise = get_object_or_404(Enterprise.objects.visible_to(request.user), pk=request.user.enterprise_id)
    return redirect(enterprise.get_absolute_url())
