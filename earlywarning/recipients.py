"""Who is told of a warning: its SPEC's recipients resolved to users — the enterprise users of its enterprise,
the officials of its district, the city (on an escalated warning, or where the SPEC names it), the handling
inspectors of its case, the city administrators for system health. The engine calls ``notify_warnings`` after
the rule's transaction commits."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils import translation
from django.utils.translation import gettext as _

from cases import facts as case_facts
from kernel.roles import Role
from notifications import services as notifications

from .models import Warning
from .rules import all_rules
from .rules.base import Level, Recipient, Subject

CITY_ROLES = [Role.CITY_ADMIN, Role.CITY_LEADER]


def specs() -> dict:
    return {spec.code: spec for spec, _evaluate in all_rules()}


def recipient_kinds(warning, spec) -> set:
    kinds = set(spec.recipients) if spec is not None else {Recipient.CITY_ADMIN}
    if warning.referred_to_city:
        kinds.add(Recipient.CITY)  # escalated past its deadline: district → city
    return kinds


def users_for(warning, spec=None):
    """The active users to tell of this warning (a queryset)."""
    spec = spec or specs().get(warning.rule)
    kinds = recipient_kinds(warning, spec)
    users = get_user_model().objects.filter(is_active=True)
    who = Q(pk__in=[])
    if Recipient.ENTERPRISE in kinds and warning.enterprise_id:
        who |= Q(role=Role.ENTERPRISE, enterprise_id=warning.enterprise_id)
    if Recipient.DISTRICT in kinds and warning.district_id:
        who |= Q(role=Role.DISTRICT_OFFICIAL, district_id=warning.district_id)
    if Recipient.CITY in kinds:
        who |= Q(role__in=CITY_ROLES)
    if Recipient.CITY_ADMIN in kinds:
        who |= Q(role=Role.CITY_ADMIN)
    if Recipient.INSPECTOR in kinds and warning.subject in (Subject.CASE, Subject.ORDER):
        ids = case_facts.inspector_ids(**{f"{warning.subject}_ids": [warning.subject_id]})
        who |= Q(pk__in=ids.get(warning.subject_id, []))
    return users.filter(who).distinct()


def notify_warnings(pending):
    """Tell the recipients of each (warning pk, escalated) pair; idempotent per warning and level."""
    if not pending:
        return 0
    catalogue = specs()
    by_pk = Warning.objects.in_bulk([pk for pk, _escalated in pending])
    sent = 0
    with translation.override(settings.LANGUAGE_CODE):  # the bureau's language
        for pk, escalated in pending:
            warning = by_pk.get(pk)
            if warning is None:
                continue
            spec = catalogue.get(warning.rule)
            name = str(spec.name) if spec is not None else warning.rule
            title = (
                _("Warning escalated: %(code)s %(name)s (%(level)s)")
                if escalated
                else _("Warning: %(code)s %(name)s (%(level)s)")
            ) % {"code": warning.rule, "name": _(name), "level": Level(warning.level).label}
            sent += notifications.notify(
                users_for(warning, spec),
                kind="warning.raised",
                title=title,
                link=warning.get_absolute_url(),
                key=f"warning:{warning.pk}:{warning.level}:{warning.escalations}",
            )
    return sent
