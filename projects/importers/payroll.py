"""A month's payroll of a project (工资支付台账, Decree 724 Art. 15): one row per worker on the roster.

Importing a month that is already on file replaces it, but only after the user has seen what changes
(diff(): the job stops at state CONFIRM). Lines that the new file no longer has are removed from the month
with a history record, so the ledger of the month stays readable for the retention period."""

import hashlib
import json
from decimal import Decimal

from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from core.aggregates import MoneySum
from core.identity import InvalidIdNumber, parse_id_number
from core.imports.cells import RowError, Validated, boolean, date, finish_errors, limited, money
from core.imports.reading import Column
from kernel.masking import mask_id_number

from .. import hooks
from ..models import Employment, PayrollBatch, PayrollLine
from .base import ProjectImporter, roster_rows

BATCH_SIZE = 5000
KIND = "payroll"
TITLE = "工资支付台账"
MAX_SAMPLES = 50

COLUMNS = [
    Column("name", "姓名", True),
    Column("id_number", "身份证号", True, "18位居民身份证号码；请将此列设为文本格式", text=True),
    Column("days_worked", "出勤天数", True, "0–31，可有一位小数"),
    Column("gross_pay", "应发工资", True, "元"),
    Column("deductions", "扣除金额", False, "代扣代缴及其他扣除，元；不填为0"),
    Column("net_pay", "实发工资", True, "= 应发工资 − 扣除金额"),
    Column("paid_amount", "已发金额", False, "已通过专用账户发放的金额，元；不填为0"),
    Column("paid_on", "发放日期", False, "已发金额大于0时必填"),
    Column("bank_reference", "银行流水号", False, "专用账户代发凭证号", text=True),
    Column("worker_confirmed", "本人签字确认", False, "是 / 否"),
]
LINE_FIELDS = ["days_worked", "gross_pay", "deductions", "net_pay", "paid_amount", "paid_on", "bank_reference",
               "worker_confirmed"]
CENT = Decimal("0.01")


def _id_number(value):
    try:
        return parse_id_number(value)
    except InvalidIdNumber as exc:
        raise RowError(str(exc)) from exc


def _days(value):
    amount = money(required=True)(value)
    if amount > 31:
        raise RowError(_("At most 31 days."))
    if amount != amount.quantize(Decimal("0.1")):
        raise RowError(_("At most one decimal place."))
    return amount.quantize(Decimal("0.1"))


PARSERS = {
    "name": limited(50, required=True),
    "id_number": _id_number,
    "days_worked": _days,
    "gross_pay": money(required=True),
    "deductions": money(default=Decimal("0.00")),
    "net_pay": money(required=True),
    "paid_amount": money(default=Decimal("0.00")),
    "paid_on": date(),
    "bank_reference": limited(60),
    "worker_confirmed": boolean,
}


def _no_progress(n):
    pass


def validate(project, records, *, progress=_no_progress) -> Validated:
    validated = Validated([], [])
    labels = records.labels
    seen = {}
    for number, parsed, index, entry in roster_rows(project, records, PARSERS, validated, progress):
        errors = []
        if entry is None:
            errors.append(("id_number", _("This person is not on the project's roster; import the roster first.")))
        elif entry[1] != parsed["name"]:
            errors.append(("name", _("The roster has another name for this ID number.")))
        if index in seen:
            errors.append(("id_number", _("Same ID number as row %(row)d.") % {"row": seen[index]}))
        seen[index] = number
        if parsed["deductions"] > parsed["gross_pay"]:
            errors.append(("deductions", _("Deductions exceed the gross pay.")))
        elif parsed["gross_pay"] - parsed["deductions"] != parsed["net_pay"]:
            errors.append(("net_pay", _("Net pay must equal gross pay minus deductions (%(amount)s).") % {
                "amount": parsed["gross_pay"] - parsed["deductions"]}))
        if parsed["paid_amount"] > parsed["net_pay"]:
            errors.append(("paid_amount", _("The amount paid exceeds the net pay.")))
        if parsed["paid_amount"] > 0 and parsed["paid_on"] is None:
            errors.append(("paid_on", _("Enter the date the wage was paid.")))
        for name, message in errors:
            validated.error(number, labels.get(name, name), message)
        if not errors:
            parsed["employment_id"] = entry[0]
            validated.rows.append((number, parsed))
    validated.errors = finish_errors(validated.errors)
    return validated


def _existing_lines(batch) -> dict:
    if batch is None:
        return {}
    return {line.employment_id: line for line in PayrollLine.objects.filter(batch=batch)}


def diff(project, validated, month) -> dict:
    """What re-importing the month would change; {} when the month is not on file yet."""
    batch = PayrollBatch.objects.filter(project=project, month=month).first()
    existing = _existing_lines(batch)
    if not existing:
        return {}
    new = {values["employment_id"]: values for _n, values in validated.rows}
    added = [pk for pk in new if pk not in existing]
    removed = [pk for pk in existing if pk not in new]
    changed, samples = [], []
    for pk, values in new.items():
        line = existing.get(pk)
        if line is None:
            continue
        fields = [f for f in LINE_FIELDS if getattr(line, f) != values[f]]
        if fields:
            changed.append(pk)
            if len(samples) < MAX_SAMPLES:
                samples.append({"employment": pk, "fields": [
                    {"field": str(PayrollLine._meta.get_field(f).verbose_name), "old": _show(getattr(line, f)),
                     "new": _show(values[f])} for f in fields]})
    wanted = [s["employment"] for s in samples] + removed[:MAX_SAMPLES]
    people = {e.pk: f"{e.worker.name} {mask_id_number(e.worker.id_number)}"
              for e in Employment.objects.filter(pk__in=wanted).select_related("worker")}
    for sample in samples:
        sample["worker"] = people.get(sample["employment"], "")
    result = {
        "added": len(added), "changed": len(changed), "removed": len(removed),
        "unchanged": len(new) - len(added) - len(changed), "samples": samples,
        "removed_workers": [people.get(pk, "") for pk in removed[:MAX_SAMPLES]],
    }
    result["digest"] = hashlib.sha256(json.dumps([sorted(added), sorted(changed), sorted(removed)]).encode()
                                      ).hexdigest()
    return result


def _show(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    return str(value)


def apply(project, validated, *, actor, job=None, month=None) -> dict:
    """Create or replace the month; inside the transaction core.imports.service opens."""
    user = actor if getattr(actor, "pk", None) else None
    batch, _created = PayrollBatch.objects.select_for_update().get_or_create(project=project, month=month)
    existing = _existing_lines(batch)
    created, updated, unchanged = [], [], 0
    new_ids = set()
    for _number, values in validated.rows:
        pk = values["employment_id"]
        new_ids.add(pk)
        line = existing.get(pk)
        data = {f: values[f] for f in LINE_FIELDS}
        if line is None:
            created.append(PayrollLine(batch=batch, employment_id=pk, source_import=job, **data))
            continue
        fields = [f for f in LINE_FIELDS if getattr(line, f) != data[f]]
        if fields:
            for f in LINE_FIELDS:
                setattr(line, f, data[f])
            line.source_import = job
            updated.append(line)
        else:
            unchanged += 1
    removed = [line for pk, line in existing.items() if pk not in new_ids]
    if created:
        bulk_create_with_history(created, PayrollLine, batch_size=BATCH_SIZE, default_user=user,
                                 default_change_reason="payroll import")
    if updated:
        bulk_update_with_history(updated, PayrollLine, [*LINE_FIELDS, "source_import"], batch_size=BATCH_SIZE,
                                 default_user=user, default_change_reason="payroll re-import",
                                 manager=PayrollLine._base_manager)
    if removed:
        _remove_replaced(removed, user)
    _refresh_totals(batch, actor=user)
    if created or updated or removed:
        hooks.data_changed("payroll")
    return {"created": len(created), "updated": len(updated), "removed": len(removed), "unchanged": unchanged,
            "batch": batch}


def _remove_replaced(lines, user):
    """Lines the re-imported month no longer has: a "-" history record keeps them, then the row goes."""
    history = PayrollLine.history.model
    now = timezone.now()
    records = []
    for line in lines:
        record = history(history_date=now, history_type="-", history_user=user,
                         history_change_reason="payroll re-import", **{
                             f.attname: getattr(line, f.attname) for f in PayrollLine._meta.concrete_fields})
        records.append(record)
    history.objects.bulk_create(records, batch_size=BATCH_SIZE)
    # No delete signal: the history record above (with the actor and the reason) is the one kept.
    doomed = PayrollLine._base_manager.filter(pk__in=[line.pk for line in lines])
    doomed._raw_delete(doomed.db)


def _refresh_totals(batch, *, actor):
    from django.db.models import Count, F, Q

    sums = PayrollLine._base_manager.filter(batch=batch).aggregate(
        workers=Count("id"), gross=MoneySum("gross_pay"), net=MoneySum("net_pay"), paid=MoneySum("paid_amount"),
        unpaid=Count("id", filter=Q(paid_amount__lt=F("net_pay"))))
    batch.worker_count = sums["workers"]
    batch.gross_total = sums["gross"] or 0
    batch.net_total = sums["net"] or 0
    batch.paid_total = sums["paid"] or 0
    batch.unpaid_count = sums["unpaid"]
    batch.submitted_on = timezone.localdate()
    batch.submitted_by = actor
    # A changed payroll needs the labour-wage officer's confirmation again.
    batch.officer_confirmed_at = None
    batch.officer_confirmed_by = None
    batch._history_user = actor
    batch.save()


class PayrollImporter(ProjectImporter):
    columns = COLUMNS
    title = TITLE

    def validate(self, job, records, progress):
        return validate(job.project, records, progress=progress)

    def diff(self, job, validated):
        return diff(job.project, validated, job.month)

    def apply(self, job, validated, actor):
        return apply(job.project, validated, actor=actor, job=job, month=job.month)


IMPORTER = PayrollImporter()
