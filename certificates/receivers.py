"""Automatic revocation (issue 7; peers.md P43), registered in CertificatesConfig.ready() on the hook
lists of the apps below (they cannot call certificates directly without an import cycle):

- a case filed against the enterprise: cases.hooks.on_case_filed (called by cases.services.file_case);
- a listing taking effect: blacklist.hooks.on_listing_in_force (called by decide_listing).

Both run inside the transaction that caused them, so the revocation commits or rolls back with it."""

from django.utils.translation import gettext as _

from enterprises.timeline import file_language

from .services import revoke_active


def case_filed(case, actor=None):
    if not case.enterprise_id:
        return
    with file_language():
        reason = _("A new case (%(number)s) was filed against the enterprise.") % {"number": case.number}
    revoke_active(case.enterprise_id, reason=reason, ref=f"cases.case:{case.pk}")


def listing_in_force(entry, actor=None):
    with file_language():
        reason = _("The enterprise was put on the joint-punishment list (%(number)s).") % {
            "number": entry.decision_number}
    revoke_active(entry.enterprise_id, reason=reason, ref=f"blacklist.listingentry:{entry.pk}")
