"""Certificates made through the service (the instant check), or directly for revocation tests where the
check would already refuse."""

import datetime as dt

from certificates import services, signing
from certificates.choices import Outcome, Purpose
from certificates.models import Certificate


def issue(enterprise, actor, *, on=None, purpose=Purpose.BIDDING, detail="兰州新区某标段"):
    application = services.apply(enterprise, actor=actor, purpose=purpose, purpose_detail=detail, on=on)
    assert application.outcome == Outcome.ISSUED, application.blockers
    return Certificate.objects.get(application=application)


def direct_certificate(enterprise, *, serial="WQX20260101000001", issued_on=dt.date(2026, 7, 1), days=90):
    certificate = Certificate(serial=serial, enterprise=enterprise, district=enterprise.district,
                              enterprise_name=enterprise.name, credit_code=enterprise.credit_code,
                              purpose=Purpose.BIDDING, issued_on=issued_on,
                              valid_until=issued_on + dt.timedelta(days=days))
    certificate.signature = signing.sign(certificate)
    certificate.save()
    return certificate
