"""Business actions of the certificates app: the instant check, issuing with a signed serial, automatic
revocation, commitment letters and the restricted-bidders list (domain.md §11; peers.md P43). Each action
runs in one transaction with its audit event and the enterprise's timeline entry."""

import datetime as dt
import secrets

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from audit import events
from audit.kinds import AuditKind
from core import periods
from core.collation import pinyin
from enterprises.choices import EnterpriseStatus, TimelineKind
from enterprises.models import Enterprise
from enterprises.timeline import record_with_timeline
from kernel.errors import RuleRefused
from kernel.fetch import lock_in_scope
from kernel.roles import Action, Role
from kernel.scoping import can

from . import blockers, signing
from .choices import CertificateStatus, Mode, Outcome, Purpose
from .models import Certificate, CertificateApplication, CertificatePolicy, CommitmentLetter

__all__ = [
    "CheckResult",
    "apply",
    "check",
    "may_apply",
    "policy",
    "restricted_enterprises",
    "revoke",
    "revoke_active",
    "sign_commitment",
]

COMMITMENT_TEXT = (
    "本单位郑重承诺：本单位严格遵守《保障农民工工资支付条例》等法律法规，截至承诺之日不存在拖欠农民工工资"
    "的情形，未被列入拖欠农民工工资失信联合惩戒对象名单；在承诺有效期内按时足额支付农民工工资。如有违反，"
    "愿意承担相应法律责任，并接受限制参与招标投标等失信惩戒措施。"
)


def today() -> dt.date:
    return timezone.localdate()


def policy(on: dt.date) -> CertificatePolicy:
    """The policy in force; the defaults (certificate mode, 90 days, every check) when none is entered."""
    return CertificatePolicy.objects.in_force(on).first() or CertificatePolicy(effective_from=on)


class CheckResult:
    def __init__(self, enterprise, found: list[blockers.Blocker]):
        self.enterprise = enterprise
        self.blockers = found

    @property
    def passed(self) -> bool:
        return not self.blockers

    def refusal(self) -> str:
        return _("Refused: %(reasons)s") % {"reasons": "; ".join(f"{b.label} ({b.detail})" for b in self.blockers)}


def check(enterprise, on=None) -> CheckResult:
    """The instant check: every blocker the applied checks find today, named."""
    on = on or today()
    found = blockers.find(Enterprise.objects.filter(pk=enterprise.pk), on, policy(on)).get(enterprise.pk, [])
    return CheckResult(enterprise, found)


def may_apply(user, enterprise) -> bool:
    """An enterprise user for its own enterprise; staff who may add certificates for enterprises in scope."""
    if not getattr(user, "is_authenticated", False):
        return False
    if user.role == Role.ENTERPRISE and not user.is_superuser:
        return user.enterprise_id == enterprise.pk
    return can(user, Action.ADD, Certificate) and Enterprise.objects.visible_to(user).filter(pk=enterprise.pk).exists()


def _require(user, enterprise):
    if not may_apply(user, enterprise):
        raise PermissionDenied(_("You may not apply for this enterprise."))
    if enterprise.status == EnterpriseStatus.DEREGISTERED:
        raise RuleRefused(_("A deregistered enterprise gets no certificate."))


def _serial(prefix: str, on: dt.date, model) -> str:
    for _attempt in range(20):
        serial = f"{prefix}{on:%Y%m%d}{secrets.randbelow(10**6):06d}"
        if not model.objects.filter(serial=serial).exists():
            return serial
    raise IntegrityError("no free serial number")


@transaction.atomic
def apply(enterprise, *, actor, purpose: str, purpose_detail: str = "", on=None) -> CertificateApplication:
    """Apply online: the instant check issues a certificate at once, or refuses naming every blocker. The
    application (with its blockers as data) is kept either way."""
    on = on or today()
    enterprise = Enterprise.objects.select_for_update().get(pk=enterprise.pk)
    _require(actor, enterprise)
    terms = policy(on)
    if terms.mode != Mode.CERTIFICATE:
        raise RuleRefused(_("The city no longer issues certificates: sign a no-arrears commitment letter instead."))
    if purpose not in Purpose.values:
        raise RuleRefused(_("Choose the purpose."), "purpose")
    result = check(enterprise, on)
    application = CertificateApplication.objects.create(
        enterprise=enterprise, district=enterprise.district, purpose=purpose, purpose_detail=purpose_detail.strip(),
        applied_at=timezone.now(), applicant=actor if getattr(actor, "pk", None) else None,
        outcome=Outcome.ISSUED if result.passed else Outcome.REFUSED,
        blockers=[b.as_dict() for b in result.blockers])
    if not result.passed:
        events.record(AuditKind.CERTIFICATE_REFUSED, actor=actor, obj=application, district=enterprise.district,
                      enterprise=enterprise.pk, blockers=[b.code for b in result.blockers])
        return application
    certificate = Certificate(
        serial=_serial("WQX", on, Certificate), application=application, enterprise=enterprise,
        district=enterprise.district, enterprise_name=enterprise.name, credit_code=enterprise.credit_code,
        purpose=purpose, purpose_detail=purpose_detail.strip(), issued_on=on,
        valid_until=periods.period_end(on, days=terms.validity_days))
    certificate.signature = signing.sign(certificate)
    certificate._history_user = actor if getattr(actor, "pk", None) else None
    certificate.save()
    record_with_timeline(
        AuditKind.CERTIFICATE_ISSUED, enterprise, TimelineKind.CERTIFICATE,
        _("No-arrears certificate %(serial)s issued, valid until %(day)s") % {
            "serial": certificate.serial, "day": f"{certificate.valid_until:%Y-%m-%d}"},
        actor=actor, obj=certificate, district=enterprise.district, url=certificate.get_absolute_url(),
        enterprise=enterprise.pk, valid_until=certificate.valid_until.isoformat())
    return application


@transaction.atomic
def revoke(certificate, *, actor, reason: str, ref: str = "") -> Certificate:
    """Revoke one certificate with the reason (an official by hand, or the platform: actor None)."""
    if not reason.strip():
        raise RuleRefused(_("Give the reason."), "reason")
    denied = _("You may not revoke this certificate.")
    if actor is not None and actor.role == Role.ENTERPRISE:
        raise PermissionDenied(denied)
    certificate = lock_in_scope(Certificate.objects.select_related("enterprise"), actor, Action.CHANGE, denied=denied,
                                pk=certificate.pk)
    if certificate.status == CertificateStatus.REVOKED:
        return certificate
    certificate.status, certificate.revoked_at = CertificateStatus.REVOKED, timezone.now()
    certificate.revoked_reason, certificate.revocation_ref = reason.strip()[:255], ref[:60]
    certificate.revoked_by = actor if getattr(actor, "pk", None) else None
    certificate._history_user = certificate.revoked_by
    certificate.save()
    record_with_timeline(
        AuditKind.CERTIFICATE_REVOKED, certificate.enterprise, TimelineKind.CERTIFICATE,
        _("No-arrears certificate %(serial)s revoked") % {"serial": certificate.serial}, actor=actor,
        obj=certificate, district=certificate.district, detail=certificate.revoked_reason,
        url=certificate.get_absolute_url(), reason=certificate.revoked_reason, ref=certificate.revocation_ref)
    return certificate


def revoke_active(enterprise_id: int, *, reason: str, ref: str, on=None) -> int:
    """Revoke every active certificate of the enterprise (a new case, a listing). Returns how many."""
    on = on or today()
    ids = list(Certificate.objects.active(on).filter(enterprise_id=enterprise_id).values_list("pk", flat=True))
    for pk in ids:
        revoke(Certificate(pk=pk), actor=None, reason=reason, ref=ref)
    return len(ids)


@transaction.atomic
def sign_commitment(enterprise, *, actor, purpose: str, purpose_detail: str = "", signatory: str = "",
                    on=None) -> CommitmentLetter:
    """Sign a no-arrears commitment letter (commitment mode). A pledge the platform knows to be untrue is
    refused with the same blockers a certificate would name."""
    on = on or today()
    enterprise = Enterprise.objects.select_for_update().get(pk=enterprise.pk)
    _require(actor, enterprise)
    terms = policy(on)
    if terms.mode != Mode.COMMITMENT:
        raise RuleRefused(_("The city issues certificates: apply for a no-arrears certificate instead."))
    if purpose not in Purpose.values:
        raise RuleRefused(_("Choose the purpose."), "purpose")
    result = check(enterprise, on)
    if not result.passed:
        raise RuleRefused(result.refusal())
    letter = CommitmentLetter(
        serial=_serial("CN", on, CommitmentLetter), enterprise=enterprise, district=enterprise.district,
        purpose=purpose, purpose_detail=purpose_detail.strip(),
        signatory=signatory.strip() or enterprise.legal_representative, text=COMMITMENT_TEXT, signed_on=on,
        valid_until=periods.period_end(on, days=terms.commitment_days), signed_by=actor)
    letter._history_user = actor
    letter.save()
    record_with_timeline(
        AuditKind.COMMITMENT_SIGNED, enterprise, TimelineKind.CERTIFICATE,
        _("No-arrears commitment letter %(serial)s signed") % {"serial": letter.serial}, actor=actor, obj=letter,
        district=enterprise.district, enterprise=enterprise.pk)
    return letter


def restricted_enterprises(enterprises, on=None) -> list[tuple]:
    """[(enterprise, [Blocker])] of the enterprises restricted from bidding on the day: the list the
    anti-arrears office pushes to the public-resource trading centre."""
    on = on or today()
    enterprises = enterprises.exclude(status=EnterpriseStatus.DEREGISTERED)
    found = blockers.find(enterprises, on, policy(on))
    rows = Enterprise.objects.filter(pk__in=list(found)).select_related("district").order_by(pinyin("name"), "pk")
    return [(e, found[e.pk]) for e in rows]
