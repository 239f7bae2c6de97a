"""The employer registry: list, detail (the electronic file), create/edit, contacts."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django.views.generic import DetailView

from core.collation import pinyin
from core.views import FilteredListView
from kernel.fetch import with_may
from kernel.roles import Action, Role
from kernel.scoping import can
from kernel.views import ScopedMixin, page_object, require_action

from .. import services
from ..filtersets import EnterpriseFilterSet
from ..forms import ContactForm, EnterpriseForm, EnterprisePortalForm
from ..models import Contact, CreditGrade, Enterprise, SupervisionPolicy, TimelineEntry, Violation
from ..timeline import with_openable_links

TIMELINE_LENGTH = 50
HISTORY_LENGTH = 20


def _yes_no(value):
    return gettext_lazy("Yes") if value else gettext_lazy("No")


class EnterpriseListView(FilteredListView):
    model = Enterprise
    filterset_class = EnterpriseFilterSet
    template_name = "enterprises/enterprise_list.html"
    export_filename = "enterprises"
    export_columns = [
        (gettext_lazy("Unified social credit code"), lambda e: e.credit_code),
        (gettext_lazy("Name"), lambda e: e.name),
        (gettext_lazy("District"), lambda e: e.district.name),
        (gettext_lazy("Kind"), lambda e: e.get_kind_display()),
        (gettext_lazy("Industry"), lambda e: e.get_industry_display()),
        (gettext_lazy("Credit grade"), lambda e: e.grade),
        (gettext_lazy("Legal representative"), lambda e: e.legal_representative),
        (gettext_lazy("Address"), lambda e: e.address),
        (gettext_lazy("Registered capital (10k CNY)"), lambda e: e.registered_capital),
        (gettext_lazy("Employees"), lambda e: e.employee_count),
        (gettext_lazy("Social-insurance headcount"), lambda e: e.insured_count),
        (gettext_lazy("State-owned"), lambda e: str(_yes_no(e.state_owned))),
        (gettext_lazy("Status"), lambda e: e.get_status_display()),
    ]

    def get_queryset(self):
        return super().get_queryset().select_related("district").order_by(pinyin("name"), "pk")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["can_add"] = can(self.request.user, Action.ADD, Enterprise)
        return context


class EnterpriseDetailView(ScopedMixin, DetailView):
    """The electronic file: registration, contacts, grades, violations and the timeline. A fixed
    number of queries whatever the number of contacts, grades or entries."""

    model = Enterprise
    template_name = "enterprises/enterprise_detail.html"

    def get_queryset(self):
        # whether the user may change the file or add to it, read with the row (no query of its own)
        return with_may(super().get_queryset().select_related("district"), self.request.user, Action.CHANGE,
                        Action.ADD)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user, enterprise = self.request.user, self.object
        context["contacts"] = list(Contact.objects.visible_to(user).filter(enterprise=enterprise))
        context["timeline"] = with_openable_links(
            list(TimelineEntry.objects.visible_to(user).filter(enterprise=enterprise)
                 .select_related("actor")[:TIMELINE_LENGTH]), user)
        context["grades"] = list(CreditGrade.objects.visible_to(user).filter(enterprise=enterprise)
                                 .select_related("decided_by")[:HISTORY_LENGTH])
        context["violations"] = list(Violation.objects.visible_to(user).filter(enterprise=enterprise)
                                     [:HISTORY_LENGTH])
        context["policy"] = (SupervisionPolicy.objects.visible_to(user).in_force().filter(grade=enterprise.grade)
                             .first() if enterprise.grade else None)
        context["perms"] = {
            "change": enterprise.may_change,
            "contacts": enterprise.may_change,
            "violation": enterprise.may_add and can(user, Action.ADD, Violation),
            "propose": can(user, Action.ADD, CreditGrade),  # the page itself is the enterprise in view scope
        }
        return context


@login_required
def my_enterprise(request):
    """An enterprise user's own file."""
    if request.user.role != Role.ENTERPRISE:
        return redirect("home")
    enterprise = page_object(request, Enterprise, Action.VIEW, pk=request.user.enterprise_id)
    return redirect(enterprise.get_absolute_url())


@login_required
def enterprise_create(request):
    require_action(request.user, Action.ADD, Enterprise)
    form = EnterpriseForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        enterprise = services.save_enterprise(form.save(commit=False), actor=request.user)
        messages.success(request, _("Enterprise registered."))
        return redirect(enterprise)
    return render(request, "enterprises/enterprise_form.html", {"form": form, "object": None})


@login_required
def enterprise_update(request, pk):
    """Officials edit the whole file; an enterprise user only its own address (PORTAL_FIELDS)."""
    user = request.user
    enterprise = page_object(request, Enterprise.objects.select_related("district"), Action.CHANGE, pk=pk)
    if user.role == Role.ENTERPRISE:
        form = EnterprisePortalForm(request.POST or None, instance=enterprise)
    else:
        form = EnterpriseForm(request.POST or None, instance=enterprise, user=user)
    if request.method == "POST" and form.is_valid():
        services.save_enterprise(form.save(commit=False), actor=user, changed=form.changed_data)
        messages.success(request, _("Changes saved."))
        return redirect(enterprise)
    return render(request, "enterprises/enterprise_form.html", {"form": form, "object": enterprise})


@login_required
def contact_create(request, pk):
    # Contacts are part of the file: whoever may change the file adds and removes them.
    enterprise = page_object(request, Enterprise, Action.CHANGE, pk=pk)
    form = ContactForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        contact = form.save(commit=False)
        contact.enterprise = enterprise
        services.save_contact(contact, actor=request.user)
        messages.success(request, _("Contact added."))
        return redirect(enterprise)
    return render(request, "enterprises/contact_form.html", {"form": form, "enterprise": enterprise})


@login_required
def contact_update(request, pk):
    contact = page_object(request, Contact.objects.select_related("enterprise__district"), Action.CHANGE, pk=pk)
    form = ContactForm(request.POST or None, instance=contact)
    if request.method == "POST" and form.is_valid():
        services.save_contact(form.save(commit=False), actor=request.user, changed=form.changed_data)
        messages.success(request, _("Changes saved."))
        return redirect(contact.enterprise)
    return render(request, "enterprises/contact_form.html", {"form": form, "enterprise": contact.enterprise,
                                                             "contact": contact})


@login_required
@require_POST
def contact_delete(request, pk):
    contact = page_object(request, Contact.objects.select_related("enterprise__district"), Action.CHANGE, pk=pk)
    enterprise = contact.enterprise
    services.delete_contact(contact, actor=request.user)
    messages.success(request, _("Contact removed."))
    return redirect(enterprise)
