"""Complaints: the scoped list with filters and export, the complaint page, the decision, the supplement,
revealing personal data (audited), attachment downloads (audited) and the acceptance notice."""

from pathlib import PurePath

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from audit import events
from audit.kinds import AuditKind
from core.views import FilteredListView
from kernel.errors import DomainError, form_error_from
from kernel.fetch import first_in_scope, may_act_on
from kernel.roles import Action
from kernel.scoping import can
from kernel.views import page_object

from .. import documents, rules, services
from ..choices import ComplaintStatus
from ..filtersets import ComplaintFilterSet
from ..forms import DecisionForm, NoteForm
from ..models import Complaint, ComplaintAttachment
from ..uploads import SIGNATURES
from .common import Countdowns, may_unmask


class ComplaintListView(FilteredListView):
    model = Complaint
    filterset_class = ComplaintFilterSet
    template_name = "cases/complaint_list.html"
    export_filename = "complaints"
    # Personal data leaves only masked, whatever the role (an export is a copy outside the audit trail).
    export_columns = [
        (gettext_lazy("Tracking number"), lambda c: c.tracking_number),
        (gettext_lazy("Received on"), lambda c: c.received_on),
        (gettext_lazy("Channel"), lambda c: c.get_channel_display()),
        (gettext_lazy("Kind"), lambda c: c.get_kind_display()),
        (gettext_lazy("Status"), lambda c: c.get_status_display()),
        (gettext_lazy("Decision due"), lambda c: c.acceptance_deadline),
        (gettext_lazy("District"), lambda c: c.district.name),
        (gettext_lazy("Employer"), lambda c: c.employer_name),
        (gettext_lazy("Unified social credit code"), lambda c: c.enterprise.credit_code if c.enterprise else ""),
        (gettext_lazy("Complainant"), lambda c: c.masked_name),
        (gettext_lazy("Phone"), lambda c: c.masked_phone),
        (gettext_lazy("Workers"), lambda c: c.workers_count),
        (gettext_lazy("Amount owed (CNY)"), lambda c: c.amount_owed),
        (gettext_lazy("Case"), lambda c: c.case.number if c.case else ""),
    ]

    def get_queryset(self):
        return super().get_queryset().select_related("district", "enterprise", "case").order_by("-received_at", "-pk")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        countdown = Countdowns()
        for complaint in context["object_list"]:
            complaint.countdown = countdown(complaint.acceptance_deadline, complaint.deadline_error) \
                if complaint.status == ComplaintStatus.RECEIVED else None
        context["can_add"] = can(self.request.user, Action.ADD, Complaint)
        return context


def _complaint(request, pk, action=Action.VIEW):
    return page_object(request, Complaint.objects.select_related("district", "enterprise", "case", "project",
                                                                 "group_lead"), action, pk=pk)


def _may_change(user, complaint) -> bool:
    return may_act_on(user, Action.CHANGE, complaint)


@login_required
def complaint_detail(request, pk, decision_form=None, supplement_form=None, status=200):
    complaint = _complaint(request, pk)
    user = request.user
    group_lead = complaint.group_lead or complaint
    group = list(Complaint.objects.visible_to(user).filter(group_lead=group_lead).exclude(pk=complaint.pk)
                 .select_related("case")) + ([group_lead] if group_lead != complaint else [])
    may_change = _may_change(user, complaint)
    may_decide = may_change and complaint.is_open
    initial = {"employer_identified": bool(complaint.employer_name.strip())}
    context = {
        "complaint": complaint,
        "attachments": list(complaint.attachments.all()),
        "group": group,
        "countdown": Countdowns()(complaint.acceptance_deadline, complaint.deadline_error, rule=rules.ACCEPTANCE_RULE)
        if complaint.status == ComplaintStatus.RECEIVED else None,
        "acceptance_rule": rules.ACCEPTANCE_RULE,
        "may_decide": may_decide and complaint.status == ComplaintStatus.RECEIVED,
        "may_supplement": may_decide and complaint.status == ComplaintStatus.SUPPLEMENT,
        "decision_form": decision_form or DecisionForm(initial=initial),
        "supplement_form": supplement_form or NoteForm(),
        "may_change": may_change,
        "may_unmask": may_change and may_unmask(user),
    }
    return render(request, "cases/complaint_detail.html", context, status=status)


@login_required
@require_POST
def complaint_decide(request, pk):
    complaint = _complaint(request, pk, Action.CHANGE)
    form = DecisionForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            complaint = services.decide_complaint(
                complaint, actor=request.user, decision=data["decision"], reason=data["reason"], ground=data["ground"],
                referred_to=data["referred_to"], employer_identified=data["employer_identified"],
                within_inspection=data["within_inspection"], in_jurisdiction=data["in_jurisdiction"],
                arbitration_matter=data["arbitration_matter"])
        except DomainError as exc:
            form_error_from(form, exc)
        else:
            messages.success(request, _("Decision recorded: %(status)s.") % {"status": complaint.get_status_display()})
            if complaint.case_id:
                return redirect(complaint.case.get_absolute_url())
            return redirect(complaint.get_absolute_url())
    return complaint_detail(request, pk, decision_form=form, status=400)


@login_required
@require_POST
def complaint_supplement(request, pk):
    complaint = _complaint(request, pk, Action.CHANGE)
    form = NoteForm(request.POST)
    if form.is_valid():
        try:
            services.record_supplement(complaint, actor=request.user, note=form.cleaned_data["note"])
        except DomainError as exc:
            form_error_from(form, exc)
        else:
            messages.success(request, _("Supplement recorded; the complaint waits for a decision again."))
            return redirect(complaint.get_absolute_url())
    return complaint_detail(request, pk, supplement_form=form, status=400)


REVEALABLE = {"phone": "complainant_phone", "id_number": "complainant_id_number", "name": "complainant_name"}


@login_required
@require_POST
def complaint_reveal(request, pk, field):
    """The full value of one personal-data field, for a casework role in scope; audited every time."""
    if field not in REVEALABLE:
        raise Http404
    complaint = _complaint(request, pk, Action.CHANGE)
    if not may_unmask(request.user):
        raise PermissionDenied
    events.personal_data_revealed(actor=request.user, obj=complaint, field=REVEALABLE[field],
                                  reason="complaint handling")
    return render(request, "cases/_revealed.html", {"value": getattr(complaint, REVEALABLE[field])})


ATTACHMENT_TYPES = {content_type for _magic, content_type in SIGNATURES}


@login_required
def attachment_download(request, pk, attachment_pk):
    """One attachment of a complaint the user may view, always as a download (never rendered inline, ASVS
    12.5.1): served with the type checked from its content at upload, nosniff, and a name ending in that
    type's extension whatever the uploaded name said. Audited: the files hold personal data."""
    complaint = _complaint(request, pk)
    attachment = page_object(request, ComplaintAttachment, Action.VIEW, pk=attachment_pk, complaint=complaint)
    content_type = attachment.content_type if attachment.content_type in ATTACHMENT_TYPES \
        else "application/octet-stream"
    stem = PurePath(attachment.original_name.replace("\\", "/")).stem or complaint.tracking_number
    try:
        handle = attachment.file.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    events.record(AuditKind.ATTACHMENT_DOWNLOADED, actor=request.user, obj=complaint, attachment=attachment.pk,
                  content_type=content_type)
    response = FileResponse(handle, as_attachment=True, filename=f"{stem}.{attachment.extension}",
                            content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
def acceptance_notice(request, pk):
    complaint = _complaint(request, pk, Action.CHANGE)
    if complaint.status != ComplaintStatus.ACCEPTED:
        raise Http404
    events.record(AuditKind.DOCUMENT_GENERATED, actor=request.user, obj=complaint, document="acceptance_notice")
    return pdf_response(documents.acceptance_notice(complaint), f"acceptance-{complaint.tracking_number}.pdf")


def pdf_response(data: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


@login_required
def go_to_complaint(request):
    """Jump to a complaint by its tracking number (the search box on the inbox)."""
    number = (request.GET.get("number") or "").strip().upper()
    complaint = first_in_scope(Complaint, request.user, Action.VIEW, tracking_number=number)
    if complaint is None:
        messages.error(request, _("No complaint with this tracking number in your scope."))
        return redirect("cases:complaints")
    return redirect(complaint.get_absolute_url())
