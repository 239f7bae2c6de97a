"""Credit grades, violation records and grade-based supervision policies."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from core.views import FilteredListView
from kernel.errors import DomainError, form_error_from, message_from
from kernel.fetch import first_in_scope, may_act_on
from kernel.roles import Action
from kernel.scoping import can
from kernel.views import page_object, require_action

from .. import grading, services
from ..filtersets import CreditGradeFilterSet, ViolationFilterSet
from ..forms import GradeDecisionForm, RejectForm, RunGradingForm, SupervisionPolicyForm, ViolationForm
from ..models import CreditGrade, Enterprise, SupervisionPolicy, Violation
from ..tasks import propose_annual_grades


def current_evaluation_year() -> int:
    return timezone.localdate().year


class GradeListView(FilteredListView):
    model = CreditGrade
    filterset_class = CreditGradeFilterSet
    template_name = "enterprises/grade_list.html"
    paginate_by = 50
    export_filename = "credit-grades"
    export_columns = [
        (gettext_lazy("Unified social credit code"), lambda g: g.enterprise.credit_code),
        (gettext_lazy("Name"), lambda g: g.enterprise.name),
        (gettext_lazy("District"), lambda g: g.enterprise.district.name),
        (gettext_lazy("Evaluation year"), lambda g: g.year),
        (gettext_lazy("Proposed grade"), lambda g: g.proposed_grade),
        (gettext_lazy("Grade"), lambda g: g.grade),
        (gettext_lazy("Previous grade"), lambda g: g.previous_grade),
        (gettext_lazy("Status"), lambda g: g.get_status_display()),
        (gettext_lazy("Basis"), lambda g: g.basis),
        (gettext_lazy("Decided"), lambda g: timezone.localtime(g.decided_at).replace(tzinfo=None)
         if g.decided_at else None),
        (gettext_lazy("Decided by"), lambda g: str(g.decided_by or "")),
    ]

    def get_queryset(self):
        return super().get_queryset().select_related("enterprise__district", "decided_by").order_by(
            "-year", "status", "enterprise__name", "pk")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        context["can_approve"] = can(user, Action.APPROVE, CreditGrade)
        context["can_propose"] = can(user, Action.ADD, CreditGrade)
        context["run_form"] = RunGradingForm(initial={"year": current_evaluation_year()})
        return context


@login_required
@require_POST
def grades_confirm(request):
    """Bulk confirmation of the ticked proposals (only those the user may approve are touched)."""
    require_action(request.user, Action.APPROVE, CreditGrade)
    if request.POST.get("all"):
        # Every open proposal that the list's filters show (the filters travel with the form).
        proposals = CreditGrade.objects.visible_to(request.user, Action.APPROVE).proposed()
        filterset = CreditGradeFilterSet(QueryDict(request.POST.get("filters", "")), queryset=proposals,
                                         request=request)
        ids = list(filterset.qs.values_list("pk", flat=True))
    else:
        ids = [int(i) for i in request.POST.getlist("ids") if i.isdigit()]
    count = grading.confirm_grades(ids, actor=request.user, note=request.POST.get("note", "")[:500])
    messages.success(request, _("%(n)d grades confirmed.") % {"n": count})
    next_url = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        next_url = reverse("enterprises:grades")
    return redirect(next_url)


@login_required
@require_POST
def grades_run(request):
    """Start the annual proposal run for the user's scope (the whole city, or their district)."""
    require_action(request.user, Action.ADD, CreditGrade)
    form = RunGradingForm(request.POST)
    if form.is_valid():
        year, user_id = form.cleaned_data["year"], request.user.pk
        transaction.on_commit(lambda: propose_annual_grades.delay(year, user_id))
        messages.info(request, _("Grading for %(year)d has started; proposals appear here when it is done.")
                      % {"year": year})
    else:
        messages.error(request, _("Enter a valid evaluation year."))
    return redirect("enterprises:grades")


@login_required
def grade_detail(request, pk):
    grade = page_object(request, CreditGrade.objects.select_related("enterprise__district", "decided_by",
                                                                    "proposed_by"), Action.VIEW, pk=pk)
    may_decide = grade.status == "proposed" and may_act_on(request.user, Action.APPROVE, grade)
    action = request.POST.get("action")
    form = GradeDecisionForm(request.POST if action == "confirm" else None, initial={"grade": grade.proposed_grade})
    reject_form = RejectForm(request.POST if action == "reject" else None)
    if request.method == "POST":
        if not may_decide:
            raise PermissionDenied
        try:
            if action == "reject" and reject_form.is_valid():
                grading.reject_grade(grade, actor=request.user, reason=reject_form.cleaned_data["reason"])
                messages.success(request, _("Proposal rejected."))
                return redirect("enterprises:grades")
            if action == "confirm" and form.is_valid():
                grading.confirm_grade(grade, actor=request.user, final=form.cleaned_data["grade"],
                                      note=form.cleaned_data["note"])
                messages.success(request, _("Grade confirmed."))
                return redirect(grade.enterprise)
        except DomainError as exc:
            form_error_from(reject_form if action == "reject" else form, exc)
    return render(request, "enterprises/grade_detail.html", {
        "grade": grade, "form": form, "reject_form": reject_form, "may_decide": may_decide})


@login_required
@require_POST
def grade_propose(request, pk):
    """Propose (again) one enterprise's grade for the current evaluation year, e.g. after a new decision."""
    enterprise = page_object(request, Enterprise, Action.VIEW, pk=pk)
    require_action(request.user, Action.ADD, CreditGrade)
    try:
        grade = grading.propose_grade(enterprise, current_evaluation_year(), actor=request.user)
    except DomainError as exc:
        message_from(request, exc)
        return redirect(enterprise)
    messages.success(request, _("Proposed grade: %(grade)s.") % {"grade": grade.grade})
    return redirect("enterprises:grade-detail", pk=grade.pk)


class ViolationListView(FilteredListView):
    model = Violation
    filterset_class = ViolationFilterSet
    template_name = "enterprises/violation_list.html"
    export_filename = "violations"
    export_columns = [
        (gettext_lazy("Unified social credit code"), lambda v: v.enterprise.credit_code),
        (gettext_lazy("Name"), lambda v: v.enterprise.name),
        (gettext_lazy("District"), lambda v: v.enterprise.district.name),
        (gettext_lazy("Decision date"), lambda v: v.decided_on),
        (gettext_lazy("Evaluation item"), lambda v: v.get_category_display()),
        (gettext_lazy("Handling"), lambda v: v.get_handling_display()),
        (gettext_lazy("Document number"), lambda v: v.decision_number),
        (gettext_lazy("Serious circumstance"), lambda v: v.get_c_trigger_display()),
        (gettext_lazy("Fine (CNY)"), lambda v: v.fine_amount),
        (gettext_lazy("Description"), lambda v: v.description),
        (gettext_lazy("Decision revoked"), lambda v: str(gettext_lazy("Yes") if v.revoked else "")),
    ]

    def get_queryset(self):
        return super().get_queryset().select_related("enterprise__district").order_by("-decided_on", "-pk")


@login_required
def violation_create(request, pk):
    enterprise = page_object(request, Enterprise.objects.select_related("district"), Action.VIEW, pk=pk)
    require_action(request.user, Action.ADD, Violation)
    form = ViolationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        violation = form.save(commit=False)
        violation.enterprise = enterprise
        services.record_violation(violation, actor=request.user)
        messages.success(request, _("Violation recorded. It counts at the next grading."))
        return redirect(enterprise)
    return render(request, "enterprises/violation_form.html", {"form": form, "enterprise": enterprise})


@login_required
def violation_update(request, pk):
    violation = page_object(request, Violation.objects.select_related("enterprise__district"), Action.CHANGE, pk=pk)
    form = ViolationForm(request.POST or None, instance=violation)
    if request.method == "POST" and form.is_valid():
        services.update_violation(form.save(commit=False), actor=request.user, changed=form.changed_data)
        messages.success(request, _("Changes saved."))
        return redirect(violation.enterprise)
    return render(request, "enterprises/violation_form.html", {"form": form, "enterprise": violation.enterprise,
                                                               "violation": violation})


@login_required
def policy_list(request):
    policies = SupervisionPolicy.objects.visible_to(request.user).select_related("updated_by")
    in_force = {p.pk for p in policies.in_force()}
    return render(request, "enterprises/policy_list.html", {
        "policies": policies, "in_force": in_force,
        "can_change": can(request.user, Action.ADD, SupervisionPolicy)})


@login_required
def policy_create(request):
    require_action(request.user, Action.ADD, SupervisionPolicy)
    initial = {}
    source = first_in_scope(SupervisionPolicy, request.user, Action.VIEW, pk=request.GET.get("from") or 0)
    if source is not None:
        initial = {f: getattr(source, f) for f in SupervisionPolicyForm.Meta.fields if f != "effective_from"}
    form = SupervisionPolicyForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.set_supervision_policy(form.save(commit=False), actor=request.user)
        except DomainError as exc:
            form_error_from(form, exc)
        else:
            messages.success(request, _("New policy version saved."))
            return redirect("enterprises:policies")
    return render(request, "enterprises/policy_form.html", {"form": form})
