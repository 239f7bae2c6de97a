"""Automatic revocation (issue 7; peers.md P43), connected in CertificatesConfig.ready():

- a new case against the enterprise: a post_save receiver on cases.Case (created=True) — the cases app
  sends no signal of its own; filing creates the row once, so the receiver runs once per case;
- a listing taking effect: blacklist.signals.listing_in_force.

Both run inside the transaction that caused them, so the revocation commits or rolls back with it."""

from django.utils.translation import gettext as _

from enterprises.timeline import file_language

from .services import revoke_active


def case_filed(sender, instance, created, raw=False, **kwargs):
    if not created or raw or not instance.enterprise_id:
        return
    with file_language():
        reason = _("A new case (%(number)s) was filed against the enterprise.") % {"number": instance.number}
    revoke_active(instance.enterprise_id, reason=reason, ref=f"cases.case:{instance.pk}")


def listing_in_force(sender, entry, actor=None, **kwargs):
    with file_language():
        reason = _("The enterprise was put on the joint-punishment list (%(number)s).") % {
            "number": entry.decision_number}
    revoke_active(entry.enterprise_id, reason=reason, ref=f"blacklist.listingentry:{entry.pk}")
