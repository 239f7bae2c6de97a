"""Certificate pages: the enterprise's own page (apply or sign, its certificates and refusals), the staff
list with export, the certificate page with PDF and revocation, and the restricted-bidders list."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from audit import events
from audit.kinds import AuditKind
from core.excel import stream_xlsx
from core.views import FilteredListView
from enterprises.models import Enterprise
from kernel.errors import DomainError, form_error_from
from kernel.fetch import first_in_scope, may_act_on
from kernel.roles import Action, Role
from kernel.scoping import can
from kernel.views import page_object

from . import blockers, documents, forms, services, verification
from .choices import BlockerCode, Mode, Outcome
from .filtersets import CertificateFilterSet
from .models import Certificate, CertificateApplication, CommitmentLetter


def _is_enterprise(user):
    return user.role == Role.ENTERPRISE and not user.is_superuser


class CertificateListView(FilteredListView):
    model = Certificate
    filterset_class = CertificateFilterSet
    template_name = "certificates/certificate_list.html"
    export_filename = "certificates"
    export_columns = [
        (gettext_lazy("Serial number"), lambda c: c.serial),
        (gettext_lazy("Enterprise"), lambda c: c.enterprise_name),
        (gettext_lazy("Unified social credit code"), lambda c: c.credit_code),
        (gettext_lazy("Purpose"), lambda c: c.get_purpose_display()),
        (gettext_lazy("Issued on"), lambda c: c.issued_on),
        (gettext_lazy("Valid until"), lambda c: c.valid_until),
        (gettext_lazy("Status"), lambda c: c.state_label(timezone.localdate())),
        (gettext_lazy("Reason for revocation"), lambda c: c.revoked_reason),
    ]

    def get_queryset(self):
        return super().get_queryset().select_related("district")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["today"] = timezone.localdate()
        context["policy"] = services.policy(context["today"])
        if can(self.request.user, Action.ADD, Certificate):
            context["desk_form"] = forms.DeskApplyForm()
        return context


@login_required
def certificate_list(request):
    if _is_enterprise(request.user):
        return mine(request)
    return CertificateListView.as_view()(request)


def mine(request, apply_form=None, commitment_form=None, status=200):
    user = request.user
    today = timezone.localdate()
    terms = services.policy(today)
    enterprise = user.enterprise
    certificates = list(Certificate.objects.visible_to(user).filter(enterprise=enterprise)[:20])
    for certificate in certificates:
        certificate.state_now, certificate.state_label_now = certificate.state(today), certificate.state_label(today)
    return render(request, "certificates/mine.html", {
        "enterprise": enterprise, "policy": terms, "today": today,
        "apply_form": apply_form or forms.ApplyForm(),
        "commitment_form": commitment_form or forms.CommitmentForm(initial={
            "signatory": enterprise.legal_representative}),
        "commitment_text": services.COMMITMENT_TEXT,
        "certificates": certificates,
        "applications": CertificateApplication.objects.visible_to(user).filter(enterprise=enterprise)[:10],
        "commitments": CommitmentLetter.objects.visible_to(user).filter(enterprise=enterprise)[:10],
    }, status=status)


@login_required
@require_POST
def apply(request):
    """The instant check: issued → the certificate page; refused → the application page naming the blockers."""
    user = request.user
    desk = not _is_enterprise(user)
    form = (forms.DeskApplyForm if desk else forms.ApplyForm)(request.POST)
    if form.is_valid():
        enterprise = user.enterprise if not desk else first_in_scope(
            Enterprise, user, Action.VIEW, credit_code=form.cleaned_data["credit_code"])
        if enterprise is None:
            form.add_error("credit_code", _("No enterprise with this credit code in your scope."))
        else:
            try:
                application = services.apply(enterprise, actor=user, purpose=form.cleaned_data["purpose"],
                                             purpose_detail=form.cleaned_data["purpose_detail"])
            except DomainError as exc:
                form_error_from(form, exc)
            except PermissionDenied as exc:
                form.add_error(None, str(exc))
            else:
                if application.outcome == Outcome.ISSUED:
                    messages.success(request, _("The check passed: certificate issued."))
                    return redirect(application.certificate.get_absolute_url())
                return redirect("certificates:application", pk=application.pk)
    if desk:
        messages.error(request, "; ".join(e for errors in form.errors.values() for e in errors))
        return redirect("certificates:list")
    return mine(request, apply_form=form, status=400)


@login_required
def application_detail(request, pk):
    application = page_object(request, CertificateApplication.objects.select_related("enterprise"), Action.VIEW, pk=pk)
    return render(request, "certificates/application_detail.html", {
        "application": application, "certificate": Certificate.objects.filter(application=application).first()})


def _certificate(request, pk):
    return page_object(request, Certificate.objects.select_related("enterprise", "district"), Action.VIEW, pk=pk)


@login_required
def certificate_detail(request, pk, revoke_form=None, status=200):
    certificate = _certificate(request, pk)
    today = timezone.localdate()
    may_revoke = (not _is_enterprise(request.user) and certificate.state(today) == "valid"
                  and may_act_on(request.user, Action.CHANGE, certificate))
    return render(request, "certificates/certificate_detail.html", {
        "certificate": certificate, "state": certificate.state(today), "state_label": certificate.state_label(today),
        "verify_url": request.build_absolute_uri(verification.path_for(certificate)),
        "may_revoke": may_revoke, "revoke_form": revoke_form or forms.RevokeForm()}, status=status)


def _pdf(data: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
def certificate_pdf(request, pk):
    certificate = _certificate(request, pk)
    if certificate.state(timezone.localdate()) == "revoked":
        raise Http404
    months = services.policy(certificate.issued_on).publication_months
    data = documents.certificate_pdf(certificate, request.build_absolute_uri(verification.path_for(certificate)),
                                     months)
    events.record(AuditKind.CERTIFICATE_DOWNLOADED, actor=request.user, obj=certificate, district=certificate.district)
    return _pdf(data, f"{certificate.serial}.pdf")


@login_required
@require_POST
def certificate_revoke(request, pk):
    certificate = _certificate(request, pk)
    form = forms.RevokeForm(request.POST)
    if form.is_valid():
        try:
            services.revoke(certificate, actor=request.user, reason=form.cleaned_data["reason"])
        except DomainError as exc:
            form_error_from(form, exc)
        except PermissionDenied as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Certificate revoked."))
            return redirect(certificate.get_absolute_url())
    return certificate_detail(request, pk, revoke_form=form, status=400)


@login_required
@require_POST
def commit(request):
    if not _is_enterprise(request.user):
        raise PermissionDenied
    form = forms.CommitmentForm(request.POST)
    if form.is_valid():
        d = form.cleaned_data
        try:
            letter = services.sign_commitment(request.user.enterprise, actor=request.user, purpose=d["purpose"],
                                              purpose_detail=d["purpose_detail"], signatory=d["signatory"])
        except DomainError as exc:
            form_error_from(form, exc)
        except PermissionDenied as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Commitment letter %(serial)s signed.") % {"serial": letter.serial})
            return redirect("certificates:list")
    return mine(request, commitment_form=form, status=400)


@login_required
def commitment_pdf(request, pk):
    letter = page_object(request, CommitmentLetter.objects.select_related("enterprise"), Action.VIEW, pk=pk)
    return _pdf(documents.commitment_pdf(letter), f"{letter.serial}.pdf")


RESTRICTED_COLUMNS = [
    (gettext_lazy("Enterprise"), lambda row: row[0].name),
    (gettext_lazy("Unified social credit code"), lambda row: row[0].credit_code),
    (gettext_lazy("District"), lambda row: row[0].district.name),
    (gettext_lazy("Restricted because"), lambda row: "; ".join(f"{b.label}: {b.detail}" for b in row[1])),
]


@login_required
def restricted(request):
    """Enterprises restricted from bidding today, for the public-resource trading centre (?export=xlsx)."""
    user = request.user
    if _is_enterprise(user) or not can(user, Action.VIEW, Certificate):
        raise PermissionDenied
    rows = services.restricted_enterprises(Enterprise.objects.visible_to(user))
    if request.GET.get("export") == "xlsx":
        events.record(AuditKind.RESTRICTED_BIDDERS_EXPORTED, actor=user, rows=len(rows))
        return stream_xlsx("restricted-bidders", RESTRICTED_COLUMNS, rows)
    today = timezone.localdate()
    policy = services.policy(today)
    labels = dict(BlockerCode.choices)
    return render(request, "certificates/restricted.html", {
        "rows": rows, "today": today, "policy": policy, "mode_commitment": Mode.COMMITMENT,
        "checks": [(code, labels.get(code, code)) for code in policy.blockers or []],
        "connected": blockers.connected()})
