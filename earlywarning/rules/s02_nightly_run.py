"""S02 (system health): the last nightly evaluation failed (some rule raised an error) or none finished lately."""

import datetime as dt

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.citations import LOCAL_PRACTICE, Rule

from ..models import EvaluationRun, RunStatus, RunTrigger
from .base import EvaluationContext, Hit, Level, Param, Recipient, RuleSpec, Subject, evidence

SPEC = RuleSpec(
    code="S02",
    name=_("Nightly evaluation failed or missing"),
    subject=Subject.SYSTEM,
    level=Level.ORANGE,
    clear_within_workdays=1,
    recipients=(Recipient.CITY_ADMIN,),
    citation=Rule(_("Monitoring and early warning"), "《保障农民工工资支付条例》第三十八条；" + LOCAL_PRACTICE),
    description=_(
        "The last nightly evaluation of the warning rules failed for some rule, or no nightly "
        "evaluation finished within the set number of days."
    ),
    how_to_clear=_("Read the run history, fix the failing rule or the scheduler, and run the evaluation again."),
    params={"max_age_days": Param(2, _("Days without a finished nightly run"), minimum=1, maximum=14)},
    evidence_labels={"last_run": _("Last nightly run"), "status": _("Status"), "failed_rules": _("Failed rules")},
    escalates=False,
)


def evaluate(ctx: EvaluationContext):
    last = (
        EvaluationRun.objects.filter(
            trigger=RunTrigger.NIGHTLY, on__lte=ctx.on, status__in=[RunStatus.SUCCEEDED, RunStatus.FAILED]
        )
        .order_by("-started_at", "-pk")
        .values("started_at", "status", "errors")
        .first()
    )
    too_old = ctx.on - dt.timedelta(days=ctx.params["max_age_days"])
    if last is not None and last["status"] == RunStatus.SUCCEEDED and timezone.localdate(last["started_at"]) > too_old:
        return
    yield Hit(
        subject=Subject.SYSTEM,
        subject_id=1,
        district_id=None,
        part="nightly",
        evidence=evidence(
            last_run=timezone.localtime(last["started_at"]).strftime("%Y-%m-%d %H:%M") if last else "",
            status=last["status"] if last else "",
            failed_rules=sorted(last["errors"]) if last else [],
        ),
    )
