"""Intake pages: the desk form (staff on a worker's behalf), the public online form and the public status
page (tracking number + the last four digits of the phone; rate-limited; nothing shown otherwise)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from core.ratelimit import allow, client_ip, reached, retry_after
from kernel.errors import DomainError, form_error_from
from kernel.fetch import may_act_on
from kernel.roles import Action
from kernel.views import require_action

from .. import services
from ..choices import Channel
from ..forms import DeskComplaintForm, PublicComplaintForm, StatusForm
from ..models import Complaint

STATUS_LIMIT_PER_IP = (10, 15 * 60)  # 10 look-ups per 15 minutes from one address
STATUS_LIMIT_PER_NUMBER = (5, 60 * 60)  # 5 look-ups an hour of one tracking number, from anywhere
# Complaints ACCEPTED from one address an hour: a mistake the form points out costs the worker nothing.
SUBMIT_LIMIT_PER_IP = (5, 60 * 60)
# Raw posts from one address an hour, valid or not: generous, against scripts only.
ATTEMPT_LIMIT_PER_IP = (60, 60 * 60)


def _submit(form, *, actor, channel):
    complaint = form.save(commit=False)
    complaint.channel = channel
    return services.submit_complaint(complaint, actor=actor, attachments=form.cleaned_data.get("attachments") or [],
                                     chosen_district=form.cleaned_data.get("district"))


@login_required
def desk_create(request):
    """Desk and hotline staff record a complaint; it is routed to the district where the work was done."""
    require_action(request.user, Action.ADD, Complaint)
    form = DeskComplaintForm(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            complaint = _submit(form, actor=request.user, channel=form.cleaned_data["channel"])
        except DomainError as exc:
            form_error_from(form, exc)
        else:
            messages.success(request, _("Complaint %(number)s recorded for %(district)s; the decision is due %(day)s.")
                             % {"number": complaint.tracking_number, "district": complaint.district,
                                "day": complaint.acceptance_deadline or "—"})
            if may_act_on(request.user, Action.VIEW, complaint):
                return redirect(complaint.get_absolute_url())
            return redirect("cases:complaints")
    return render(request, "cases/complaint_form.html", {"form": form}, status=400 if form.errors else 200)


@never_cache
def public_create(request):
    """The worker's own complaint or report, without logging in."""
    form = PublicComplaintForm(request.POST or None, request.FILES or None)
    if request.method == "POST":
        ip = client_ip(request)
        accepted_key, attempts_key = f"submit:{ip}", f"submit-attempt:{ip}"
        if reached(accepted_key, SUBMIT_LIMIT_PER_IP[0]):
            return _limited_form(request, form, retry_after(accepted_key, SUBMIT_LIMIT_PER_IP[1]))
        if not allow(attempts_key, *ATTEMPT_LIMIT_PER_IP):
            return _limited_form(request, form, retry_after(attempts_key, ATTEMPT_LIMIT_PER_IP[1]))
        if form.is_valid() and not form.cleaned_data.get("website"):
            try:
                complaint = _submit(form, actor=None, channel=Channel.ONLINE)
            except DomainError as exc:
                form_error_from(form, exc)
            else:
                allow(accepted_key, *SUBMIT_LIMIT_PER_IP)  # counts towards the limit only once taken
                request.session["cases_submitted"] = complaint.tracking_number
                return redirect("cases:public-done")
    return render(request, "cases/public_complaint_form.html", {"form": form}, status=400 if form.errors else 200)


def _limited_form(request, form, seconds: int):
    """429 with the worker's input kept in the form (attachments must be chosen again) and how long to wait."""
    response = render(request, "cases/public_complaint_form.html", {
        "form": form, "limited": True, "wait_minutes": max(1, -(-seconds // 60))}, status=429)
    response["Retry-After"] = str(seconds)
    return response


@never_cache
def public_done(request):
    number = request.session.pop("cases_submitted", "")
    if not number:
        return redirect("cases:public-complaint")
    return render(request, "cases/public_done.html", {"tracking_number": number})


@never_cache
def public_status(request):
    """Status by tracking number + the phone's last four digits. A wrong number and wrong digits give the
    same answer, so the page never confirms that a tracking number exists."""
    form = StatusForm(request.POST or None)
    complaint, not_found = None, False
    if request.method == "POST":
        number = (request.POST.get("tracking_number") or "").strip().upper()[:20]
        ip_key, number_key = f"status-ip:{client_ip(request)}", f"status-no:{number}"
        if not allow(ip_key, *STATUS_LIMIT_PER_IP):
            return _limited_status(request, retry_after(ip_key, STATUS_LIMIT_PER_IP[1]))
        if not allow(number_key, *STATUS_LIMIT_PER_NUMBER):
            return _limited_status(request, retry_after(number_key, STATUS_LIMIT_PER_NUMBER[1]))
        if form.is_valid():
            found = (Complaint.objects.select_related("case").filter(tracking_number=number).first())
            if found is not None and not found.anonymous and found.phone_matches(form.cleaned_data["phone_last4"]):
                complaint = found
            else:
                not_found = True
    return render(request, "cases/public_status.html", {"form": form, "complaint": complaint,
                                                         "not_found": not_found})


def _limited_status(request, seconds: int):
    response = render(request, "cases/public_limited.html", {"wait_minutes": max(1, -(-seconds // 60))},
                      status=429)
    response["Retry-After"] = str(seconds)
    return response
