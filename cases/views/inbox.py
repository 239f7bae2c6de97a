"""The inbox: an inspector's cases and the district's complaints waiting for a decision, sorted by the
nearest deadline, overdue in red; for officials the district queue (cases short of inspectors, extension
requests). Quick actions post with htmx and swap the row (no inline script: the CSP forbids it)."""

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Exists, OuterRef, Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from kernel.actions import Panel, RecordAction, panel
from kernel.errors import DomainError
from kernel.fetch import get_in_scope
from kernel.roles import Action, Role
from kernel.scoping import can
from kernel.views import page_object

from .. import rules, services
from ..choices import CaseStatus, ComplaintStatus, ExtensionStatus
from ..models import Case, CaseInspector, Complaint
from ..services.common import CASEWORKER_ROLES
from .common import Countdown, Countdowns

INBOX_LIMIT = 100


@dataclass
class Item:
    kind: str  # "complaint" or "case"
    obj: object
    countdown: Countdown
    reasons: list
    actions: list
    message: str = ""
    error: str = ""

    @property
    def sort_key(self):
        day = self.countdown.day
        return (day is None, day or 0, self.kind, self.obj.pk)


def _complaints(user):
    qs = Complaint.objects.visible_to(user, Action.CHANGE) if user.role != Role.GRID_ASSISTANT else \
        Complaint.objects.visible_to(user).filter(entered_by=user)
    # A complaint waiting for the complainant's supplement is not waiting for the inspector.
    return qs.filter(status=ComplaintStatus.RECEIVED).select_related("district", "enterprise")


def _cases(user):
    mine = CaseInspector.objects.filter(case=OuterRef("pk"), inspector=user, recused=False)
    ever = CaseInspector.objects.filter(case=OuterRef("pk"), inspector=user)
    qs = (Case.objects.visible_to(user).open().with_next_deadline()
          .annotate(active_inspectors=Count("assignments", filter=Q(
              assignments__recused=False, assignments__inspector__role__in=CASEWORKER_ROLES)), mine=Exists(mine),
              assigned_ever=Exists(ever))
          .select_related("district", "enterprise"))
    if user.role == Role.INSPECTOR:  # their cases, and the district's cases waiting for a second inspector
        return qs.filter(Q(mine=True) | Q(active_inspectors__lt=rules.MIN_INSPECTORS))
    if user.role == Role.DISTRICT_OFFICIAL or user.is_city_admin:
        return qs.filter(Q(mine=True) | Q(active_inspectors__lt=rules.MIN_INSPECTORS)
                         | Q(extension_status=ExtensionStatus.REQUESTED) | Q(status=CaseStatus.OVERDUE)
                         | Q(flagged=True, leader__isnull=True))
    return qs.none()


# The quick actions of an inbox row: kernel.actions descriptors whose availability is the service's own check
# (the extension-approver rule is services.lifecycle.check_decide_extension, as on the case page).
QUICK_ACTIONS = {
    "complaint": [
        RecordAction("accept", gettext_lazy("Accept"), check=services.acceptance.check_decide_complaint,
                     applies=lambda c: c.status == ComplaintStatus.RECEIVED, url_name="cases:quick",
                     confirm=gettext_lazy("Accept the complaint and file a case today?"),
                     run=lambda obj, user: services.decide_complaint(obj, actor=user, decision="accepted")),
    ],
    "case": [
        RecordAction("take", gettext_lazy("Take the case"),
                     check=lambda user, case: services.lifecycle.check_assign_inspector(user, case, user),
                     applies=lambda c: c.active_inspectors < rules.MIN_INSPECTORS and not c.mine,
                     url_name="cases:quick",
                     run=lambda obj, user: services.assign_inspector(obj, actor=user, inspector=user)),
        RecordAction("approve-extension", gettext_lazy("Approve extension"),
                     check=services.lifecycle.check_decide_extension, permission=Action.APPROVE,
                     applies=lambda c: c.extension_status == ExtensionStatus.REQUESTED, url_name="cases:quick",
                     run=lambda obj, user: services.decide_extension(obj, actor=user, approve=True)),
        RecordAction("overdue", gettext_lazy("Mark overdue"), check=services.lifecycle.check_mark_overdue,
                     url_name="cases:quick", run=lambda obj, user: services.mark_overdue(obj, actor=user)),
    ],
}
QUICK = {(kind, action.key): action for kind, actions in QUICK_ACTIONS.items() for action in actions}


def _rights(user, model) -> dict:
    return {action: can(user, action, model) for action in (Action.CHANGE, Action.APPROVE)}


def _quick(kind, obj, user) -> list:
    model = Complaint if kind == "complaint" else Case
    return panel(QUICK_ACTIONS[kind], user, obj, _rights(user, model), explain=False,
                 url_args=lambda action: (kind, obj.pk, action.key))


def _complaint_item(complaint, countdown, user) -> Item:
    reasons = [_("Grouped")] if complaint.group_lead_id else []
    return Item("complaint", complaint, countdown(complaint.acceptance_deadline, complaint.deadline_error), reasons,
                _quick("complaint", complaint, user))


def _case_item(case, countdown, user) -> Item:
    reasons = []
    if case.active_inspectors < rules.MIN_INSPECTORS:
        reasons.append(_("Needs inspectors"))
    if case.extension_status == ExtensionStatus.REQUESTED:
        reasons.append(_("Extension requested"))
    if case.flagged and not case.leader_id:
        reasons.append(_("Large or difficult"))
    return Item("case", case, countdown(case.next_deadline), reasons, _quick("case", case, user))


def build_items(user) -> list[Item]:
    countdown = Countdowns()
    items = [_complaint_item(c, countdown, user) for c in _complaints(user).order_by("acceptance_deadline")
             [:INBOX_LIMIT]]
    items += [_case_item(c, countdown, user) for c in _cases(user).order_by("next_deadline")[:INBOX_LIMIT]]
    return sorted(items, key=lambda i: i.sort_key)


@login_required
def inbox(request):
    items = build_items(request.user)
    return render(request, "cases/inbox.html", {
        "items": items,
        "overdue": sum(1 for i in items if i.countdown.overdue),
        # The same test as the page the button opens (never render a link the viewer cannot open).
        "can_add": can(request.user, Action.ADD, Complaint),
    })


@login_required
@require_POST
def quick_action(request, kind, pk, action):
    """One click from the inbox; answers the row (htmx) or redirects back (no script)."""
    quick = QUICK.get((kind, action))
    if quick is None:
        raise Http404
    model = Complaint if kind == "complaint" else Case
    obj = page_object(request, model, Action.VIEW, pk=pk)
    message = error = ""
    try:
        result = quick.run(obj, request.user)
    except DomainError as exc:
        error = exc.message
    else:
        message = _("Done.")
        if kind == "complaint" and result.case_id:
            message = _("Accepted: case %(number)s filed.") % {"number": result.case.number}
    if not request.htmx:
        (messages.error if error else messages.success)(request, error or message)
        return redirect("cases:inbox")
    countdown = Countdowns()
    if kind == "complaint":
        obj = get_in_scope(Complaint.objects.select_related("district", "enterprise"), request.user, pk=pk)
        item = _complaint_item(obj, countdown, request.user)
    else:
        obj = _cases(request.user).filter(pk=pk).first() or get_in_scope(
            Case.objects.with_next_deadline().annotate(
                active_inspectors=Count("assignments", filter=Q(assignments__recused=False)),
                mine=Exists(CaseInspector.objects.filter(case=OuterRef("pk"), inspector=request.user, recused=False))),
            request.user, pk=pk)
        item = _case_item(obj, countdown, request.user)
    if not error:
        item.actions = Panel()
    item.message, item.error = message, error
    return render(request, "cases/_inbox_row.html", {"item": item})
