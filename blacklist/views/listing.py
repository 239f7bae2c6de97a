"""The joint-punishment list for staff: the review requests from cases, the scoped list with export, the
entry page with the actions its state allows, each going through blacklist.services."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from cases import facts as case_facts
from cases.choices import EscalationKind
from core.views import FilteredListView
from kernel.fetch import may_act_on
from kernel.roles import Action, Role
from kernel.scoping import can
from kernel.views import page_object

from .. import forms, services
from ..choices import ListingStatus
from ..filtersets import ListingFilterSet
from ..models import ListingEntry
from .common import run

S = ListingStatus


class ListingListView(FilteredListView):
    model = ListingEntry
    filterset_class = ListingFilterSet
    template_name = "blacklist/listing_list.html"
    export_filename = "joint-punishment-list"
    export_columns = [
        (gettext_lazy("Enterprise"), lambda e: e.enterprise.name),
        (gettext_lazy("Unified social credit code"), lambda e: e.enterprise.credit_code),
        (gettext_lazy("District"), lambda e: e.district.name),
        (gettext_lazy("Case"), lambda e: e.case.number),
        (gettext_lazy("Status"), lambda e: e.get_status_display()),
        (gettext_lazy("Criteria met"), lambda e: "; ".join(e.criteria_labels)),
        (gettext_lazy("Unpaid (CNY)"), lambda e: e.unpaid_amount),
        (gettext_lazy("Decision number"), lambda e: e.decision_number),
        (gettext_lazy("Listed on"), lambda e: e.listed_on),
        (gettext_lazy("In force through"), lambda e: e.last_day_in_force),
        (gettext_lazy("Ended on"), lambda e: e.ended_on),
    ]

    def get_queryset(self):
        return super().get_queryset().select_related("enterprise", "district", "case").order_by("-proposed_on", "-pk")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["reviews"] = pending_reviews(self.request.user)
        context["today"] = timezone.localdate()
        return context


def pending_reviews(user):
    if not can(user, Action.ADD, ListingEntry):
        return case_facts.pending_requests(user, EscalationKind.BLACKLIST_REVIEW).none()
    return case_facts.pending_requests(user, EscalationKind.BLACKLIST_REVIEW)


@login_required
def review(request, pk):
    """A case's review request: the 45号 Art. 5 check and, when met, the proposal form."""
    req = page_object(request, pending_reviews(request.user), Action.VIEW, pk=pk)
    case = req.case
    result = services.check_criteria(case)
    initial = {"legal_representative": case.enterprise.legal_representative if case.enterprise else ""}
    form = forms.ProposeForm(request.POST or None, initial=initial)
    created = {}
    if request.method == "POST" and run(request, form, lambda d: created.setdefault("entry", services.propose_listing(
            req, actor=request.user, persons=form.persons(), facts=d["facts"])), _("Proposal recorded.")):
        return redirect(created["entry"].get_absolute_url())
    return render(request, "blacklist/review.html", {"req": req, "case": case, "result": result, "form": form,
                                                     "dismiss_form": forms.ReasonForm()},
                  status=400 if form.errors else 200)


@login_required
@require_POST
def review_dismiss(request, pk):
    req = page_object(request, pending_reviews(request.user), Action.VIEW, pk=pk)
    form = forms.ReasonForm(request.POST)
    if run(request, form, lambda d: services.dismiss_review(req, actor=request.user, reason=d["reason"]),
           _("Review request dismissed.")):
        return redirect("blacklist:list")
    return render(request, "blacklist/review.html", {"req": req, "case": req.case,
                                                     "result": services.check_criteria(req.case),
                                                     "form": forms.ProposeForm(), "dismiss_form": form}, status=400)


# name: (form class, states, action needed, service call, success message)
ACTIONS = {
    "notice": (forms.NoticeForm, [S.PROPOSED], Action.CHANGE, lambda e, u, d: services.serve_notice(
        e, actor=u, served_on=d["served_on"], notice_number=d["notice_number"]), gettext_lazy("Prior notice served.")),
    "statement": (forms.StatementForm, [S.NOTIFIED], Action.CHANGE, lambda e, u, d: services.record_statement(
        e, actor=u, text=d["text"], received_on=d["received_on"]), gettext_lazy("Statement recorded.")),
    "decide": (forms.DecisionForm, [S.NOTIFIED], Action.APPROVE, lambda e, u, d: services.decide_listing(
        e, actor=u, listed=d["listed"], decision_number=d["decision_number"], note=d["note"]),
        gettext_lazy("Decision recorded.")),
    "removal": (forms.RemovalRequestForm, [S.LISTED], Action.CHANGE, lambda e, u, d: services.request_early_removal(
        e, actor=u, corrected_on=d["corrected_on"], commitment_signed_on=d["commitment_signed_on"]),
        gettext_lazy("Early removal requested.")),
    "removal-decision": (forms.RemovalDecisionForm, [S.REMOVAL_REQUESTED], Action.APPROVE,
                         lambda e, u, d: services.decide_early_removal(e, actor=u, approve=d["approve"],
                                                                       note=d["note"]),
                         gettext_lazy("Decision recorded.")),
}


def _offered(entry, user):
    return [name for name, (_f, states, action, _p, _m) in ACTIONS.items()
            if entry.status in states and may_act_on(user, action, entry)]


@login_required
def entry_detail(request, pk, bound=None, status=200):
    entry = page_object(request, ListingEntry.objects.select_related(
        "enterprise", "district", "case", "proposed_by", "decided_by"), Action.VIEW, pk=pk)
    offered = _offered(entry, request.user)
    action_forms = {name: (bound[1] if bound and bound[0] == name else ACTIONS[name][0]()) for name in offered}
    return render(request, "blacklist/entry_detail.html", {
        "entry": entry, "persons": entry.persons.all(), "forms": action_forms, "today": timezone.localdate(),
        "notices": entry.notices.order_by("pk"), "may_see_persons": request.user.role != Role.ENTERPRISE,
    }, status=status)


@login_required
@require_POST
def entry_act(request, pk, action):
    entry = page_object(request, ListingEntry, Action.VIEW, pk=pk)
    if action not in ACTIONS or action not in _offered(entry, request.user):
        return entry_detail(request, pk, status=403)
    form_class, _states, _action, perform, message = ACTIONS[action]
    form = form_class(request.POST)
    if run(request, form, lambda d: perform(entry, request.user, d), str(message)):
        return redirect(entry.get_absolute_url())
    return entry_detail(request, pk, bound=(action, form), status=400)
