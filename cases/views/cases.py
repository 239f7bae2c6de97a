"""Cases: the scoped list with filters and export, the case page (timeline, documents, money) and the
action endpoint through which every state change of the page goes."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from audit import events
from audit.kinds import AuditKind
from core.views import FilteredListView
from kernel.actions import ActionState, Panel, panel
from kernel.errors import DomainError, form_error_from
from kernel.roles import Action
from kernel.views import page_object

from .. import documents, rules
from ..choices import CaseStatus
from ..filtersets import CaseFilterSet
from ..models import Case, CaseEvent, CaseInspector, Complaint, EscalationRequest, MassIncident, Order, Recovery
from ..services.police import crime_check
from .actions import ACTIONS, BY_NAME, make_form, scopes_for
from .common import Countdowns
from .complaints import pdf_response

TIMELINE_LENGTH = 200


class CaseListView(FilteredListView):
    model = Case
    filterset_class = CaseFilterSet
    template_name = "cases/case_list.html"
    export_filename = "cases"
    export_columns = [
        (gettext_lazy("Case number"), lambda c: c.number),
        (gettext_lazy("District"), lambda c: c.district.name),
        (gettext_lazy("Employer"), lambda c: c.employer_name),
        (gettext_lazy("Unified social credit code"), lambda c: c.enterprise.credit_code if c.enterprise else ""),
        (gettext_lazy("Status"), lambda c: c.get_status_display()),
        (gettext_lazy("Filed on"), lambda c: c.filed_on),
        (gettext_lazy("Next deadline"), lambda c: c.next_deadline),
        (gettext_lazy("Workers owed"), lambda c: c.workers_owed),
        (gettext_lazy("Amount owed (CNY)"), lambda c: c.amount_owed),
        (gettext_lazy("Wages recovered (CNY)"), lambda c: c.recovered_amount),
        (gettext_lazy("Workers paid"), lambda c: c.recovered_workers),
        (gettext_lazy("Additional compensation (CNY)"), lambda c: c.compensation_amount),
        (gettext_lazy("Large or difficult"), lambda c: str(gettext_lazy("Yes") if c.flagged else "")),
        (gettext_lazy("Outcome"), lambda c: c.get_outcome_display()),
        (gettext_lazy("Closed on"), lambda c: c.closed_on),
    ]

    def get_queryset(self):
        return (super().get_queryset().with_next_deadline().select_related("district", "enterprise")
                .order_by("-filed_on", "-pk"))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        countdown = Countdowns()
        for case in context["object_list"]:
            case.countdown = countdown(case.next_deadline) if not case.is_closed and case.next_deadline else None
        return context



def _case(request, pk):
    qs = Case.objects.select_related(
        "district", "enterprise", "project", "leader", "extension_requested_by", "extension_decided_by", "transfer",
        "transfer__threshold",
    ).prefetch_related(Prefetch("assignments", queryset=CaseInspector.objects.select_related("inspector")))
    return page_object(request, qs, Action.VIEW, pk=pk)


@login_required
def case_detail(request, pk, bound=None, status=200):
    case = _case(request, pk)
    user = request.user
    scopes = scopes_for(user, case)
    states = panel(ACTIONS, user, case, scopes)
    if bound and bound[0] not in {s.key for s in states.offered}:
        # a refused action stays visible with its error
        states = Panel([ActionState(BY_NAME[bound[0]], True, url=reverse("cases:act", args=[case.pk, bound[0]])),
                        *(s for s in states if s.key != bound[0])])
    for state in states.offered:
        state.form = bound[1] if bound and bound[0] == state.key else make_form(state.action, case)
    countdown = Countdowns()
    threshold, crime_met = crime_check(case) if case.status == CaseStatus.OVERDUE else (None, False)
    context = {
        "case": case,
        "actions": states,
        "open_action": bound[0] if bound else "",
        "investigation": countdown(case.investigation_deadline, rule=rules.INVESTIGATION_RULE)
        if case.status in (CaseStatus.FILED, CaseStatus.INVESTIGATING) else None,
        "order_countdown": countdown(case.order_deadline, rule=rules.ORDER_RULE)
        if case.status == CaseStatus.ORDER_ISSUED else None,
        "supervision": countdown(case.supervision_deadline, rule=rules.SUPERVISION_RULE)
        if case.listed_supervision and not case.is_closed else None,
        "deadline_rules": rules.DEADLINE_RULES,
        "complaints": list(Complaint.objects.visible_to(user).filter(case=case).order_by("received_at")),
        "orders": list(Order.objects.filter(case=case)),
        "recoveries": list(Recovery.objects.filter(case=case).prefetch_related("workers", "reversals")),
        "escalations": list(EscalationRequest.objects.filter(case=case)),
        "incidents": list(MassIncident.objects.visible_to(user).filter(case=case)),
        "events": list(CaseEvent.objects.filter(case=case).select_related("actor")[:TIMELINE_LENGTH]),
        "crime_threshold": threshold,
        "crime_met": crime_met,
        "may_change": scopes.get(Action.CHANGE, False),
    }
    return render(request, "cases/case_detail.html", context, status=status)


@login_required
@require_POST
def case_act(request, pk, action):
    """Run one action of the table on the case; a refusal is shown next to the form on the case page."""
    spec = BY_NAME.get(action)
    if spec is None:
        raise Http404
    case = _case(request, pk)
    form = make_form(spec, case, request.POST)
    if form.is_valid():
        try:
            spec.run(case, request.user, form.cleaned_data, form)
        except DomainError as exc:
            form_error_from(form, exc)
        else:
            messages.success(request, _("%(action)s: done.") % {"action": spec.label})
            return redirect(case.get_absolute_url())
    return case_detail(request, pk, bound=(action, form), status=400)


@login_required
def order_pdf(request, pk):
    order = page_object(request, Order.objects.select_related("case"), Action.VIEW, pk=pk)
    events.record(AuditKind.DOCUMENT_GENERATED, actor=request.user, obj=order.case, document="rectification_order",
                  order=order.number)
    return pdf_response(documents.rectification_order(order), f"order-{order.number}.pdf")


@login_required
def closing_pdf(request, pk):
    case = _case(request, pk)
    if not case.is_closed:
        raise Http404
    events.record(AuditKind.DOCUMENT_GENERATED, actor=request.user, obj=case, document="closing_record")
    return pdf_response(documents.closing_record(case), f"closing-{case.number}.pdf")

