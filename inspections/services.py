"""The business actions of the inspections app: one transaction each, contested rows locked, the audit event
in the same transaction (docs/architecture.md, "Where logic goes"). Views, the admin and the API call these."""

import secrets

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import District
from audit import events
from audit.kinds import AuditKind
from core.workdays import add_workdays
from enterprises import facts as enterprise_facts
from kernel.errors import IllegalTransition, RuleRefused
from kernel.roles import Action

from . import drawing
from .choices import DrawStatus, InspectorKind
from .models import (
    Batch,
    DistrictAssignment,
    DistrictLeader,
    Draw,
    DrawnTarget,
    InspectionPolicy,
    Inspector,
    PlanRate,
    Recusal,
    SpotCheckPlan,
    SpotCheckResult,
)

MIN_REASON_LENGTH = 10


def policy_in_force(on=None) -> InspectionPolicy:
    """The policy row in force on the day, or the defaults of rules.py when the city entered none."""
    on = on or timezone.localdate()
    return InspectionPolicy.objects.in_force(on).first() or InspectionPolicy(effective_from=on)


def _in_scope(obj, actor, action):
    if not type(obj).objects.visible_to(actor, action).filter(pk=obj.pk).exists():
        raise PermissionDenied


# --- roster -----------------------------------------------------------------------------------------------


@transaction.atomic
def save_inspector(form, *, actor, phone: str = "") -> Inspector:
    """Save the roster form; a phone is replaced only when a new one is given (the form never shows it)."""
    created = form.instance.pk is None
    inspector = form.save(commit=False)
    if phone:
        inspector.phone = phone
    inspector.save()
    _in_scope(inspector, actor, Action.ADD if created else Action.CHANGE)
    events.record(AuditKind.INSPECTOR_SAVED, actor=actor, obj=inspector, created=created)
    return inspector


@transaction.atomic
def record_recusal(inspector: Inspector, *, enterprise, reason: str, actor) -> Recusal:
    inspector = Inspector.objects.select_for_update().get(pk=inspector.pk)
    _in_scope(inspector, actor, Action.CHANGE)
    if Recusal.objects.filter(inspector=inspector, enterprise=enterprise).exists():
        raise RuleRefused(_("This recusal is already recorded."))
    recusal = Recusal.objects.create(
        inspector=inspector,
        enterprise=enterprise,
        reason=reason.strip(),
        recorded_on=timezone.localdate(),
        recorded_by=actor,
    )
    events.record(
        AuditKind.INSPECTOR_RECUSAL_RECORDED,
        actor=actor,
        obj=recusal,
        district=inspector.district,
        enterprise=enterprise.pk,
    )
    return recusal


# --- staffing ---------------------------------------------------------------------------------------------


def staffing_report(user, on=None) -> dict:
    """Per district in the user's scope: population, full-time inspectors required by the policy in force,
    active full-time inspectors with a valid certificate, grid assistants, the gap, 包干 and 包保."""
    on = on or timezone.localdate()
    policy = policy_in_force(on)
    in_force = Q(until__isnull=True) | Q(until__gte=on)
    full_time = Q(
        inspectors__active=True, inspectors__kind=InspectorKind.FULL_TIME, inspectors__certificate_expires_on__gte=on
    )
    districts = (
        District.objects.visible_to(user)
        .annotate(
            full_time=Count("inspectors", filter=full_time, distinct=True),
            assistants=Count(
                "inspectors",
                filter=Q(inspectors__active=True, inspectors__kind=InspectorKind.GRID_ASSISTANT),
                distinct=True,
            ),
        )
        .order_by("sort_order", "code")
    )
    assigned = {}
    for a in DistrictAssignment.objects.filter(in_force, since__lte=on).select_related("inspector"):
        assigned.setdefault(a.district_id, []).append(a.inspector.name)
    leaders = {}
    for leader in DistrictLeader.objects.filter(in_force, since__lte=on):
        leaders.setdefault(leader.district_id, []).append(f"{leader.name}（{leader.position}）")
    rows = []
    for d in districts:
        required = policy.required_full_time(d.population)
        rows.append(
            {
                "district": d,
                "population": d.population,
                "required": required,
                "full_time": d.full_time,
                "assistants": d.assistants,
                "gap": None if required is None else max(required - d.full_time, 0),
                "assigned": assigned.get(d.pk, []),
                "leaders": leaders.get(d.pk, []),
            }
        )
    totals = {
        "required": sum(r["required"] or 0 for r in rows),
        "full_time": sum(r["full_time"] for r in rows),
        "assistants": sum(r["assistants"] for r in rows),
        "gap": sum(r["gap"] or 0 for r in rows),
    }
    return {"rows": rows, "totals": totals, "policy": policy, "on": on}


# --- double random, one public ----------------------------------------------------------------------------


def _frozen_inspectors(plan, on) -> list[dict]:
    """The inspector register of the draw: full-time inspectors with a valid certificate, of the plan's
    district and those assigned to it (包干), or of the whole city; each with the enterprises it recuses from."""
    qs = Inspector.objects.enforcing(on)
    district_code = {}
    if plan.district_id:
        assigned = (
            DistrictAssignment.objects.filter(district_id=plan.district_id, since__lte=on)
            .filter(Q(until__isnull=True) | Q(until__gte=on))
            .values_list("inspector_id", flat=True)
        )
        qs = qs.filter(Q(district_id=plan.district_id) | Q(pk__in=list(assigned)))
        district_code = {pk: plan.district.code for pk in assigned}
    recusals = {}
    for inspector_id, enterprise_id in Recusal.objects.filter(inspector__in=qs).values_list(
        "inspector_id", "enterprise_id"
    ):
        recusals.setdefault(inspector_id, []).append(enterprise_id)
    return [
        {"id": i.pk, "district": district_code.get(i.pk, i.district.code), "recusals": sorted(recusals.get(i.pk, []))}
        for i in qs.select_related("district").order_by("pk")
    ]


def frozen_inputs(batch: Batch, on=None) -> dict:
    on = on or timezone.localdate()
    plan = batch.plan
    targets = enterprise_facts.spot_check_targets([plan.district_id] if plan.district_id else None)
    return {
        "algorithm": drawing.ALGORITHM,
        "plan": plan.pk,
        "batch": batch.number,
        "frozen_on": on.isoformat(),
        "min_inspectors": plan.min_inspectors,
        "rates": plan.rates_for_draw(),
        "targets": targets,
        "inspectors": _frozen_inspectors(plan, on),
    }


def _check_staffable(inputs):
    """Refuse a commitment the draw could not honour: every candidate needs min_inspectors non-recused."""
    needed = inputs["min_inspectors"]
    short = [
        t["id"]
        for t in inputs["targets"]
        if sum(1 for i in inputs["inspectors"] if t["id"] not in i["recusals"]) < needed
    ]
    if short:
        raise RuleRefused(
            _(
                "Too few inspectors with a valid certificate for %(n)d candidate employer(s) "
                "after recusals: at least %(needed)d are needed for each."
            )
            % {"n": len(short), "needed": needed}
        )


@transaction.atomic
def commit_draw(batch: Batch, *, actor, replaces: Draw | None = None) -> Draw:
    """Freeze the candidates and publish the commitment: SHA-256 of a fresh secret seed and the inputs."""
    batch = Batch.objects.select_for_update(of=("self",)).select_related("plan__district").get(pk=batch.pk)
    _in_scope(batch.plan, actor, Action.CHANGE)
    if batch.draws.exclude(status=DrawStatus.SUPERSEDED).exists():
        raise IllegalTransition(_("This batch already has a draw; supersede it with a reason to draw again."))
    inputs = frozen_inputs(batch)
    _check_staffable(inputs)
    seed = secrets.token_hex(drawing.SEED_BYTES)
    draw = Draw.objects.create(
        batch=batch,
        algorithm=drawing.ALGORITHM,
        inputs=inputs,
        seed=seed,
        commitment=drawing.commitment(seed, inputs),
        committed_at=timezone.now(),
        committed_by=actor,
        replaces=replaces,
    )
    events.record(
        AuditKind.SPOT_CHECK_DRAW_COMMITTED,
        actor=actor,
        obj=draw,
        district=batch.plan.district,
        commitment=draw.commitment,
        targets=len(inputs["targets"]),
        inspectors=len(inputs["inspectors"]),
    )
    return draw


@transaction.atomic
def run_draw(draw: Draw, *, actor) -> Draw:
    """Run the published algorithm with the committed seed, store the targets and inspectors, reveal the seed."""
    draw = Draw.objects.select_for_update(of=("self",)).select_related("batch__plan__district").get(pk=draw.pk)
    _in_scope(draw, actor, Action.CHANGE)
    if draw.status != DrawStatus.COMMITTED:
        raise IllegalTransition(_("Only a committed draw can be run, once."))
    try:
        result = drawing.run(draw.inputs, draw.seed)
    except drawing.DrawImpossible as exc:
        raise RuleRefused(_("The draw cannot assign enough inspectors: %(detail)s") % {"detail": exc}) from exc
    inspectors = {i.pk: i for i in Inspector.objects.filter(pk__in=[i["id"] for i in draw.inputs["inspectors"]])}
    for position, row in enumerate(result["targets"], start=1):
        target = DrawnTarget.objects.create(draw=draw, position=position, enterprise_id=row["target"])
        target.inspectors.set([inspectors[pk] for pk in row["inspectors"]])
    draw.result = result
    draw.status = DrawStatus.DRAWN
    draw.drawn_at = timezone.now()
    draw.drawn_by = actor
    draw.save(update_fields=["result", "status", "drawn_at", "drawn_by"])
    events.record(
        AuditKind.SPOT_CHECK_DRAW_RUN,
        actor=actor,
        obj=draw,
        district=draw.batch.plan.district,
        seed=draw.seed,
        targets=len(result["targets"]),
    )
    return draw


@transaction.atomic
def supersede_draw(draw: Draw, *, actor, reason: str) -> Draw:
    """Replace a draw (never edit it): it stays public with the reason, and a new commitment is published."""
    draw = Draw.objects.select_for_update(of=("self",)).select_related("batch").get(pk=draw.pk)
    _in_scope(draw, actor, Action.APPROVE)
    reason = (reason or "").strip()
    if len(reason) < MIN_REASON_LENGTH:
        raise RuleRefused(
            _("Give the reason for superseding the draw (at least %(n)d characters).") % {"n": MIN_REASON_LENGTH}
        )
    if draw.status == DrawStatus.SUPERSEDED:
        raise IllegalTransition(_("This draw is already superseded."))
    if SpotCheckResult.objects.filter(target__draw=draw).exists():
        raise IllegalTransition(_("Results are recorded for this draw: it can no longer be superseded."))
    draw.status = DrawStatus.SUPERSEDED
    draw.superseded_at = timezone.now()
    draw.superseded_by = actor
    draw.supersede_reason = reason
    draw.save(update_fields=["status", "superseded_at", "superseded_by", "supersede_reason"])
    events.record(AuditKind.SPOT_CHECK_DRAW_SUPERSEDED, actor=actor, obj=draw, reason=reason)
    return commit_draw(draw.batch, actor=actor, replaces=draw)


@transaction.atomic
def record_result(target: DrawnTarget, *, actor, items, findings: str, outcome: str, checked_on) -> SpotCheckResult:
    """Record (or, before publication, correct) a target's result; it is due on the public page within the
    policy's working days of the check."""
    target = DrawnTarget.objects.select_for_update(of=("self",)).select_related("draw").get(pk=target.pk)
    _in_scope(target, actor, Action.VIEW)
    if target.draw.status != DrawStatus.DRAWN:
        raise RuleRefused(_("Results are recorded only for a draw that has run and is not superseded."))
    if checked_on < timezone.localdate(target.draw.drawn_at):
        raise RuleRefused(_("The check cannot be before the draw."))
    publish_by = add_workdays(checked_on, policy_in_force(checked_on).publication_workdays)
    result = SpotCheckResult.objects.filter(target=target).first()
    if result is not None and result.published_at:
        raise IllegalTransition(_("The result is published and can no longer be changed."))
    if result is None:
        result = SpotCheckResult(target=target)
    result.findings, result.outcome, result.checked_on = findings.strip(), outcome, checked_on
    result.publish_by, result.recorded_by = publish_by, actor
    result.save()
    _in_scope(result, actor, Action.ADD)
    result.items.set(items)
    events.record(
        AuditKind.SPOT_CHECK_RESULT_RECORDED,
        actor=actor,
        obj=result,
        district=target.enterprise.district,
        outcome=outcome,
    )
    return result


@transaction.atomic
def publish_result(result: SpotCheckResult, *, actor) -> SpotCheckResult:
    result = SpotCheckResult.objects.select_for_update().get(pk=result.pk)
    _in_scope(result, actor, Action.APPROVE)
    if result.published_at:
        raise IllegalTransition(_("The result is already published."))
    result.published_at = timezone.now()
    result.published_by = actor
    result.save(update_fields=["published_at", "published_by"])
    events.record(
        AuditKind.SPOT_CHECK_RESULT_PUBLISHED, actor=actor, obj=result, district=result.target.enterprise.district
    )
    return result


# --- plans ------------------------------------------------------------------------------------------------

RATE_FIELDS = {"rate_a": "A", "rate_b": "B", "rate_c": "C", "rate_ungraded": "-"}


@transaction.atomic
def save_plan(form, *, actor) -> SpotCheckPlan:
    """Save a plan with its grade rates for the whole plan (a district's own rate is kept in the admin)."""
    created = form.instance.pk is None
    plan = form.save(commit=False)
    if created:
        plan.created_by = actor
    plan.save()
    form.save_m2m()
    _in_scope(plan, actor, Action.ADD if created else Action.CHANGE)
    for field, stratum in RATE_FIELDS.items():
        PlanRate.objects.update_or_create(
            plan=plan, district=None, stratum=stratum, defaults={"rate": form.cleaned_data[field]}
        )
    events.record(
        AuditKind.SPOT_CHECK_PLAN_SAVED,
        actor=actor,
        obj=plan,
        district=plan.district,
        created=created,
        rates={s: str(form.cleaned_data[f]) for f, s in RATE_FIELDS.items()},
    )
    return plan


@transaction.atomic
def add_batch(plan, *, actor, number: int, planned_on) -> Batch:
    plan = SpotCheckPlan.objects.select_for_update().get(pk=plan.pk)
    _in_scope(plan, actor, Action.CHANGE)
    if plan.batches.filter(number=number).exists():
        raise RuleRefused(_("The plan already has this batch."))
    if planned_on.year != plan.year:
        raise RuleRefused(_("The batch lies outside the plan's year."))
    batch = Batch.objects.create(plan=plan, number=number, planned_on=planned_on)
    events.record(AuditKind.SPOT_CHECK_PLAN_SAVED, actor=actor, obj=plan, district=plan.district, batch=number)
    return batch
