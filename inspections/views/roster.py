"""The inspector roster (执法检查人员名录库): list with filters and export, detail with recusals, the forms."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.views import FilteredListView
from kernel.errors import DomainError, form_error_from, message_from
from kernel.fetch import may_act_on
from kernel.roles import Action
from kernel.scoping import can
from kernel.views import page_object

from .. import services
from ..filtersets import InspectorFilterSet
from ..forms import InspectorForm, RecusalForm
from ..models import Inspector, Recusal
from .common import StaffListMixin, form_errors_message


class InspectorListView(StaffListMixin, FilteredListView):
    model = Inspector
    filterset_class = InspectorFilterSet
    template_name = "inspections/inspector_list.html"
    export_filename = "inspectors"
    export_columns = [
        (gettext_lazy("Name"), lambda i: i.name),
        (gettext_lazy("Kind"), lambda i: i.get_kind_display()),
        (gettext_lazy("District"), lambda i: i.district.name),
        (gettext_lazy("Enforcement certificate number"), lambda i: i.certificate_number),
        (gettext_lazy("Certificate valid until"), lambda i: i.certificate_expires_on),
        (gettext_lazy("Grid area"), lambda i: i.grid_area),
        (gettext_lazy("Phone"), lambda i: i.masked_phone),
        (gettext_lazy("Active"), lambda i: _("Yes") if i.active else _("No")),
    ]

    def get_queryset(self):
        return super().get_queryset().select_related("district")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["can_add"] = can(self.request.user, Action.ADD, Inspector)
        context["today"] = timezone.localdate()
        return context


@login_required
def inspector_detail(request, pk):
    inspector = page_object(request, Inspector.objects.select_related("district", "user"), Action.VIEW, pk=pk)
    may_change = may_act_on(request.user, Action.CHANGE, inspector)
    recusals = Recusal.objects.visible_to(request.user).filter(inspector=inspector).select_related("enterprise")
    return render(
        request,
        "inspections/inspector_detail.html",
        {
            "inspector": inspector,
            "recusals": recusals,
            "may_change": may_change,
            "today": timezone.localdate(),
            "recusal_form": RecusalForm(user=request.user) if may_change else None,
            "assignments": inspector.assignments.select_related("district"),
        },
    )


def _edit(request, inspector=None):
    action = Action.CHANGE if inspector else Action.ADD
    if not can(request.user, action, Inspector):
        raise PermissionDenied
    form = InspectorForm(request.POST or None, instance=inspector, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.save_inspector(form, actor=request.user, phone=form.cleaned_data["new_phone"])
        except DomainError as exc:
            form_error_from(form, exc)
        else:
            messages.success(request, _("Inspector saved."))
            return redirect(saved)
    title = _("Edit inspector") if inspector else _("Add an inspector")
    return render(
        request,
        "inspections/form.html",
        {
            "form": form,
            "title": title,
            "inspector": inspector,
            "cancel": inspector.get_absolute_url() if inspector else None,
        },
    )


@login_required
def inspector_create(request):
    return _edit(request)


@login_required
def inspector_edit(request, pk):
    return _edit(request, page_object(request, Inspector, Action.CHANGE, pk=pk))


@login_required
def recusal_add(request, pk):
    inspector = page_object(request, Inspector, Action.CHANGE, pk=pk)
    if request.method != "POST":
        return redirect(inspector)
    form = RecusalForm(request.POST, user=request.user)
    if form.is_valid():
        try:
            services.record_recusal(
                inspector,
                enterprise=form.cleaned_data["enterprise"],
                reason=form.cleaned_data["reason"],
                actor=request.user,
            )
        except DomainError as exc:
            message_from(request, exc)
        else:
            messages.success(request, _("Recusal recorded."))
    else:
        form_errors_message(request, form)
    return redirect(inspector)
