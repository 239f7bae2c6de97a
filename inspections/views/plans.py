"""Spot-check plans, their batches and draws (commitment, run, supersede), and the results of drawn targets."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from core.views import FilteredListView
from kernel.errors import DomainError, form_error_from, message_from
from kernel.fetch import may_act_on
from kernel.roles import Action
from kernel.scoping import can
from kernel.views import page_object

from .. import drawing, rules, services
from ..filtersets import PlanFilterSet
from ..forms import BatchForm, PlanForm, ResultForm, SupersedeForm
from ..models import Batch, Draw, DrawnTarget, InspectionItem, SpotCheckPlan, SpotCheckResult
from .common import StaffListMixin, form_errors_message


class PlanListView(StaffListMixin, FilteredListView):
    model = SpotCheckPlan
    filterset_class = PlanFilterSet
    template_name = "inspections/plan_list.html"
    export_filename = "spot-check-plans"
    export_columns = [
        (gettext_lazy("Year"), lambda p: p.year),
        (gettext_lazy("Plan"), lambda p: p.name),
        (gettext_lazy("District"), lambda p: p.district.name if p.district_id else _("Whole city")),
        (gettext_lazy("Batches"), lambda p: p.batches.count()),
    ]

    def get_queryset(self):
        return super().get_queryset().select_related("district").prefetch_related("batches")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["can_add"] = can(self.request.user, Action.ADD, SpotCheckPlan)
        return context


@login_required
def item_list(request):
    if not can(request.user, Action.VIEW, SpotCheckPlan):
        raise PermissionDenied
    items = InspectionItem.objects.visible_to(request.user).filter(active=True)
    return render(request, "inspections/item_list.html", {"items": items})


@login_required
def plan_create(request):
    if not can(request.user, Action.ADD, SpotCheckPlan):
        raise PermissionDenied
    form = PlanForm(request.POST or None, user=request.user, initial={"year": timezone.localdate().year})
    if request.method == "POST" and form.is_valid():
        try:
            plan = services.save_plan(form, actor=request.user)
        except DomainError as exc:
            form_error_from(form, exc)
        else:
            messages.success(request, _("Plan saved: add its batches."))
            return redirect(plan)
    return render(request, "inspections/form.html", {"form": form, "title": _("New spot-check plan")})


@login_required
def plan_detail(request, pk):
    plan = page_object(request, SpotCheckPlan.objects.select_related("district"), Action.VIEW, pk=pk)
    may_change = may_act_on(request.user, Action.CHANGE, plan)
    batches = list(plan.batches.prefetch_related("draws"))
    return render(
        request,
        "inspections/plan_detail.html",
        {
            "plan": plan,
            "batches": batches,
            "may_change": may_change,
            "rates": plan.rates.select_related("district"),
            "items": plan.items.all(),
            "batch_form": BatchForm(initial={"number": len(batches) + 1}) if may_change else None,
            "two_rule": rules.TWO_INSPECTORS_RULE,
        },
    )


@login_required
@require_POST
def batch_add(request, pk):
    plan = page_object(request, SpotCheckPlan, Action.CHANGE, pk=pk)
    form = BatchForm(request.POST)
    if form.is_valid():
        try:
            services.add_batch(plan, actor=request.user, **form.cleaned_data)
        except DomainError as exc:
            message_from(request, exc)
        else:
            messages.success(request, _("Batch added."))
    else:
        form_errors_message(request, form)
    return redirect(plan)


@login_required
@require_POST
def batch_commit(request, pk):
    batch = page_object(request, Batch, Action.CHANGE, pk=pk)
    try:
        draw = services.commit_draw(batch, actor=request.user)
    except DomainError as exc:
        message_from(request, exc)
        return redirect(batch.plan)
    messages.success(request, _("Commitment published. Run the draw when the commitment has been seen."))
    return redirect(draw)


@login_required
def draw_detail(request, pk):
    draw = page_object(request, Draw.objects.select_related("batch__plan__district"), Action.VIEW, pk=pk)
    may_change = may_act_on(request.user, Action.CHANGE, draw)
    may_supersede = may_act_on(request.user, Action.APPROVE, draw)
    targets = (
        DrawnTarget.objects.visible_to(request.user)
        .filter(draw=draw)
        .select_related("enterprise", "result")
        .prefetch_related("inspectors")
    )
    return render(
        request,
        "inspections/draw_detail.html",
        {
            "draw": draw,
            "targets": targets,
            "may_change": may_change,
            "supersede_form": SupersedeForm() if may_supersede else None,
            "may_record": can(request.user, Action.ADD, SpotCheckResult),
            "may_publish": can(request.user, Action.APPROVE, SpotCheckResult),
            "check": drawing.verify(draw.inputs, draw.seed, draw.commitment, draw.result) if draw.result else None,
        },
    )


@login_required
@require_POST
def draw_act(request, pk, action):
    draw = page_object(request, Draw, Action.CHANGE, pk=pk)
    try:
        if action == "run":
            services.run_draw(draw, actor=request.user)
            messages.success(request, _("Draw run: the targets and inspectors are drawn and the seed is public."))
        elif action == "supersede":
            form = SupersedeForm(request.POST)
            if not form.is_valid():
                form_errors_message(request, form)
                return redirect(draw)
            draw = services.supersede_draw(draw, actor=request.user, reason=form.cleaned_data["reason"])
            messages.success(request, _("Draw superseded: a new commitment is published."))
        else:
            raise Http404
    except DomainError as exc:
        message_from(request, exc)
    return redirect(draw)


@login_required
def result_form(request, pk):
    target = page_object(request, DrawnTarget.objects.select_related("draw__batch__plan", "enterprise"), Action.VIEW,
                         pk=pk)
    if not can(request.user, Action.ADD, SpotCheckResult):
        raise PermissionDenied
    existing = SpotCheckResult.objects.filter(target=target).first()
    initial = {"checked_on": timezone.localdate()}
    if existing is not None:
        initial = {
            "checked_on": existing.checked_on,
            "items": list(existing.items.all()),
            "outcome": existing.outcome,
            "findings": existing.findings,
        }
    form = ResultForm(request.POST or None, plan=target.draw.batch.plan, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.record_result(target, actor=request.user, **form.cleaned_data)
        except DomainError as exc:
            form_error_from(form, exc)
        except PermissionDenied:
            form.add_error(None, _("Not in your scope."))
        else:
            messages.success(request, _("Result recorded."))
            return redirect(target.draw)
    return render(request, "inspections/result_form.html", {"form": form, "target": target, "result": existing})


@login_required
@require_POST
def result_publish(request, pk):
    result = page_object(request, SpotCheckResult, Action.APPROVE, pk=pk)
    try:
        services.publish_result(result, actor=request.user)
    except DomainError as exc:
        message_from(request, exc)
    else:
        messages.success(request, _("Result published."))
    return redirect(result.target.draw)
