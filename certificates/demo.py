"""Demo certificates and commitment letters through the services. Idempotent: nothing happens when a
certificate exists already. Uses enterprises outside the cases demo's districts so the check passes:

- 兰州高新区智能制造有限公司: a valid certificate for bidding;
- 永登县水务建设有限公司: a certificate revoked by an official, with the reason;
- 安宁职教园区建设有限公司: a certificate issued in May, expired now;
- 2025 was a commitment-mode year (a policy row): two commitment letters signed in December 2025.
"""

import datetime as dt

from django.utils import timezone

from accounts.models import User
from enterprises.models import Enterprise
from kernel.roles import Role

from . import services
from .choices import Mode, Outcome, Purpose
from .models import Certificate, CertificatePolicy, CommitmentLetter

D = dt.date


def _issue(name, admin, purpose, detail, on, stdout):
    enterprise = Enterprise.objects.filter(name=name).first()
    if enterprise is None:
        return None
    application = services.apply(enterprise, actor=admin, purpose=purpose, purpose_detail=detail, on=on)
    if application.outcome != Outcome.ISSUED:
        stdout.write(f"  certificates: {name} refused: {[b['code'] for b in application.blockers]}")
        return None
    return application.certificate


def seed(stdout):
    if Certificate.objects.exists():
        stdout.write("  certificates: demo certificates exist already; skipped")
        return
    admin = User.objects.filter(role=Role.CITY_ADMIN).order_by("pk").first()
    if admin is None:
        return
    today = timezone.localdate()
    CertificatePolicy.objects.get_or_create(effective_from=D(2025, 1, 1), defaults={
        "effective_to": D(2025, 12, 31), "mode": Mode.COMMITMENT, "commitment_days": 365,
        "note": "Demo: the city took commitment letters in 2025 (Lanzhou's 告知承诺制)."})
    for name in ("皋兰县交通建设有限公司", "西固石化安装工程有限公司"):
        enterprise = Enterprise.objects.filter(name=name).first()
        if enterprise is not None:
            services.sign_commitment(enterprise, actor=admin, purpose=Purpose.BIDDING,
                                     purpose_detail="2026年度市政工程投标", on=D(2025, 12, 1))
    _issue("兰州高新区智能制造有限公司", admin, Purpose.BIDDING, "高新区厂房扩建工程施工招标", today, stdout)
    _issue("安宁职教园区建设有限公司", admin, Purpose.AWARD, "2026年度守法诚信单位评选", D(2026, 5, 6), stdout)
    revoked = _issue("永登县水务建设有限公司", admin, Purpose.LISTING, "资质升级申报", today - dt.timedelta(days=10),
                     stdout)
    if revoked is not None:
        # A new case revokes automatically (certificates.receivers); here a case against the enterprise would
        # need a 2027 calendar for its deadline, so the demo shows an official's revocation with its reason.
        services.revoke(revoked, actor=admin, reason="群众举报该单位在永登县某项目拖欠农民工工资，正在核查。")
    stdout.write(f"  certificates: {Certificate.objects.count()} certificates, "
                 f"{CommitmentLetter.objects.count()} commitment letters")
