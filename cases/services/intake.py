"""Complaint intake from every channel: validation of the complainant, matching the employer, routing to
the district (属地管理), the acceptance deadline, duplicate grouping and attachments."""

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.kinds import AuditKind
from core.city_settings import city_setting
from core.identity import InvalidIdNumber, normalise_id_number, parse_id_number
from core.workdays import CalendarNotCovered
from enterprises.choices import TimelineKind
from enterprises.models import Enterprise
from enterprises.timeline import record_with_timeline
from enterprises.validators import normalise_credit_code
from kernel import crypto
from kernel.errors import RuleRefused
from kernel.roles import Action

from .. import hooks, rules
from ..choices import ComplaintKind
from ..models import Complaint, ComplaintAttachment
from ..uploads import MAX_ATTACHMENTS, check_attachment
from .common import calendar

__all__ = ["find_group_lead", "match_enterprise", "route_district", "submit_complaint"]


def match_enterprise(credit_code: str, name: str):
    """The registered enterprise the complainant means: by credit code, else by its exact (or a former)
    name when that is unique; None when nothing matches (the complaint stays unmatched)."""
    code = normalise_credit_code(credit_code or "")
    if code:
        found = Enterprise.objects.filter(credit_code=code).select_related("district").first()
        if found:
            return found
    name = (name or "").strip()
    if not name:
        return None
    candidates = list(Enterprise.objects.filter(name=name).select_related("district")[:2])
    if len(candidates) == 1:
        return candidates[0]
    if not candidates:
        former = list(Enterprise.objects.filter(former_names__contains=name).select_related("district")[:2])
        if len(former) == 1 and name in former[0].former_names.splitlines():
            return former[0]
    return None


def route_district(*, enterprise=None, project=None, chosen=None):
    """属地管理 (Decree 423 Art. 13: where the employer uses the labour): the project's district when the
    work was on a project, else the employer's, else the one chosen at intake."""
    if project is not None:
        return project.district
    if enterprise is not None:
        return enterprise.district
    return chosen


def find_group_lead(complaint: Complaint):
    """The first complaint of a group about the same employer (or project, or unmatched employer name)
    received within the window: one case will serve all of them."""
    window = city_setting("duplicate_window_days", complaint.received_on)
    since = complaint.received_on - dt.timedelta(days=window)
    qs = Complaint.objects.filter(received_on__gte=since).exclude(pk=complaint.pk)
    if complaint.enterprise_id or complaint.project_id:
        same = Q(pk__in=[])
        if complaint.enterprise_id:
            same |= Q(enterprise_id=complaint.enterprise_id)
        if complaint.project_id:
            same |= Q(project_id=complaint.project_id)
        qs = qs.filter(same)
    else:
        qs = qs.filter(enterprise__isnull=True, employer_name=complaint.employer_name, district=complaint.district)
    earliest = qs.order_by("received_at", "pk").values_list("pk", "group_lead_id").first()
    if earliest is None:
        return None
    return Complaint.objects.get(pk=earliest[1] or earliest[0])


def _validate(complaint: Complaint):
    if complaint.anonymous and complaint.kind == ComplaintKind.COMPLAINT:
        raise RuleRefused(_("A complaint (投诉) must be named: only a report (举报) may be anonymous."), "anonymous")
    if complaint.anonymous:
        complaint.complainant_name = complaint.complainant_id_number = complaint.complainant_phone = ""
    elif not (complaint.complainant_name or "").strip() or not (complaint.complainant_phone or "").strip():
        raise RuleRefused(_("Give the complainant's name and phone, or make an anonymous report."),
                          "complainant_name")
    id_number = normalise_id_number(complaint.complainant_id_number)
    if id_number:
        try:
            id_number = parse_id_number(id_number)  # the platform's one validator (core.identity)
        except InvalidIdNumber as exc:
            raise RuleRefused(str(exc), "complainant_id_number") from exc
    complaint.complainant_id_number = id_number
    complaint.complainant_id_index = crypto.blind_index(id_number) if id_number else ""
    if complaint.amount_owed is not None and complaint.amount_owed < 0:
        raise RuleRefused(_("The amount owed cannot be negative."), "amount_owed")
    if complaint.owed_from and complaint.owed_to and complaint.owed_to < complaint.owed_from:
        raise RuleRefused(_("The period owed ends before it starts."), "owed_to")


@transaction.atomic
def submit_complaint(complaint: Complaint, *, actor=None, attachments=(), chosen_district=None,
                     enforce_scope: bool = False, now=None) -> Complaint:
    """Record a complaint or report from any channel (unsaved Complaint with the form's fields).

    The employer is matched and the district routed here, never by the caller. The 5-working-day
    acceptance deadline is set; a year without a holiday schedule leaves it empty with the error shown
    (a worker's complaint is never refused because of the calendar). `enforce_scope` re-checks that an API
    client may add a complaint in the routed district (desk staff may take complaints for any district)."""
    _validate(complaint)
    if len(attachments) > MAX_ATTACHMENTS:
        raise RuleRefused(_("At most %(n)d attachments.") % {"n": MAX_ATTACHMENTS}, "attachments")
    try:
        checked = [(upload, check_attachment(upload)) for upload in attachments]
    except ValidationError as exc:
        raise RuleRefused(exc.messages[0], "attachments") from exc
    complaint.enterprise = match_enterprise(complaint.employer_credit_code, complaint.employer_name)
    complaint.employer_credit_code = normalise_credit_code(complaint.employer_credit_code or "")
    district = route_district(enterprise=complaint.enterprise, project=complaint.project,
                              chosen=chosen_district or getattr(actor, "district", None))
    if district is None:
        raise RuleRefused(_("Choose the district where the work was done."), "district")
    complaint.district = district
    now = now or timezone.now()
    complaint.received_at = now
    complaint.received_on = timezone.localdate(now)
    try:
        complaint.acceptance_deadline = rules.acceptance_deadline(complaint.received_on, calendar())
    except CalendarNotCovered as exc:  # audited by core.workdays; shown on every page of the complaint
        complaint.acceptance_deadline = None
        complaint.deadline_error = _("No holiday schedule for %(year)d: the decision deadline is unknown.") % {
            "year": exc.year}
    if getattr(actor, "pk", None):
        complaint.entered_by = actor
        complaint.department_id = actor.department_id
    complaint.tracking_number = _unique_tracking_number(complaint.received_on)
    lead = find_group_lead(complaint)
    complaint.group_lead = lead
    complaint._history_user = actor if getattr(actor, "pk", None) else None
    complaint.save()
    if enforce_scope and not Complaint.objects.visible_to(actor, Action.ADD).filter(pk=complaint.pk).exists():
        raise PermissionDenied(_("The complaint would fall outside your scope."))
    for upload, content_type in checked:
        ComplaintAttachment.objects.create(complaint=complaint, file=upload, original_name=upload.name[:255],
                                           content_type=content_type, size=upload.size)
    # Neutral wording: the employer's file never names or hints at the complainant (Decree 423 Art. 9).
    record_with_timeline(
        AuditKind.COMPLAINT_RECEIVED, complaint.enterprise if complaint.enterprise_id else None,
        TimelineKind.COMPLAINT,
        _("Wage complaint received (%(channel)s)") % {"channel": complaint.get_channel_display()},
        actor=actor, obj=complaint, district=district, url=complaint.get_absolute_url(),
        channel=complaint.channel, kind=complaint.kind, grouped_with=lead.tracking_number if lead else "",
        enterprise=complaint.enterprise_id)
    hooks.data_changed("case")
    return complaint


def _unique_tracking_number(day):
    from ..models.complaint import new_tracking_number

    for _attempt in range(10):
        number = new_tracking_number(day)
        if not Complaint.objects.filter(tracking_number=number).exists():
            return number
    raise RuntimeError("could not draw a free tracking number")
