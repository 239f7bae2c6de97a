"""A bank statement of the dedicated wage account: labour-cost transfers in, wage payments out.

A movement whose bank reference is already on the account is skipped, so the same statement (or an
overlapping one) can be imported again safely."""

from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from core.imports.cells import RowError, Validated, date, finish_errors, limited, money, parse_row, text
from core.imports.reading import Column

from .. import hooks
from ..choices import MovementKind
from ..models import AccountMovement
from .base import ProjectImporter

BATCH_SIZE = 2000
KIND = "bank_statement"
TITLE = "专用账户流水"

COLUMNS = [
    Column("occurred_on", "交易日期", True),
    Column("kind", "交易类型", True, "人工费拨付 / 工资代发 / 其他收入 / 其他支出"),
    Column("amount", "金额", True, "元，正数"),
    Column("bank_reference", "银行流水号", True, "", text=True),
    Column("counterparty", "对方户名"),
    Column("note", "摘要"),
]
KIND_VALUES = {
    "人工费拨付": MovementKind.ALLOCATION, "人工费用拨付": MovementKind.ALLOCATION, "拨付": MovementKind.ALLOCATION,
    "工资代发": MovementKind.WAGE_PAYMENT, "代发工资": MovementKind.WAGE_PAYMENT, "代发": MovementKind.WAGE_PAYMENT,
    "其他收入": MovementKind.OTHER_IN, "其他支出": MovementKind.OTHER_OUT,
}


def _kind(value):
    result = text(value)
    if result in KIND_VALUES:
        return KIND_VALUES[result]
    if result in MovementKind.values:
        return result
    raise RowError(_("Unknown value %(value)s; use one of: %(allowed)s") % {
        "value": result, "allowed": "人工费拨付 / 工资代发 / 其他收入 / 其他支出"})


def _amount(value):
    amount = money(required=True)(value)
    if amount <= 0:
        raise RowError(_("Enter an amount greater than zero."))
    return amount


PARSERS = {
    "occurred_on": date(required=True),
    "kind": _kind,
    "amount": _amount,
    "bank_reference": limited(60, required=True),
    "counterparty": limited(200),
    "note": limited(200),
}


def _no_progress(n):
    pass


def validate(project, records, *, progress=_no_progress) -> Validated:
    validated = Validated([], [])
    if not hasattr(project, "wage_account"):
        validated.error(0, "", _("The project has no dedicated wage account yet; record the account first."))
        return validated
    seen = {}
    for count, (number, raw) in enumerate(records.rows, start=1):
        progress(count)
        parsed = parse_row(number, raw, PARSERS, records.labels, validated)
        if parsed is None:
            continue
        reference = parsed["bank_reference"]
        if reference in seen:
            validated.error(number, records.labels["bank_reference"], _("Same bank reference as row %(row)d.") % {
                "row": seen[reference]})
            continue
        seen[reference] = number
        validated.rows.append((number, parsed))
    validated.errors = finish_errors(validated.errors)
    return validated


def apply(project, validated, *, actor, job=None) -> dict:
    account = project.wage_account
    known = set(AccountMovement.objects.filter(account=account).values_list("bank_reference", flat=True))
    user = actor if getattr(actor, "pk", None) else None
    new = [AccountMovement(account=account, source_import=job, recorded_by=user, **values)
           for _n, values in validated.rows if values["bank_reference"] not in known]
    if new:
        bulk_create_with_history(new, AccountMovement, batch_size=BATCH_SIZE, default_user=user,
                                 default_change_reason="bank statement import")
        hooks.data_changed("allocation")
    return {"created": len(new), "updated": 0, "removed": 0, "unchanged": len(validated.rows) - len(new)}


class BankStatementImporter(ProjectImporter):
    columns = COLUMNS
    title = TITLE

    def validate(self, job, records, progress):
        return validate(job.project, records, progress=progress)

    def apply(self, job, validated, actor):
        return apply(job.project, validated, actor=actor, job=job)


IMPORTER = BankStatementImporter()
