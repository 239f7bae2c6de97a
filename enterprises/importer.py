"""Excel import of the employer registry.

The file format is fixed: the Chinese headers of COLUMNS, in any order, on the first sheet. The whole
workbook is validated first and every error is reported with its row number and column header; only
a file without errors is applied, in one transaction, set-based (bulk_create / bulk_update in batches),
so 35,000 rows take seconds. A credit code already on the registry updates that enterprise instead of
creating a second one.
"""

import io
from dataclasses import dataclass
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font
from simple_history.utils import bulk_create_with_history, bulk_update_with_history
from stdnum.cn import uscc

from accounts.choices import Action
from accounts.models import District
from audit import events
from core.excel import Column, WorkbookRejected, read_rows, to_decimal

from .choices import EnterpriseKind, EnterpriseStatus, ImportStatus, Industry, TimelineKind
from .models import Enterprise, EnterpriseImport
from .timeline import build_entry, file_language, save_entries

BATCH_SIZE = 2000
MAX_REPORTED_ERRORS = 500


COLUMNS = [
    Column("credit_code", "统一社会信用代码", True, "18位，请将此列设为文本格式"),
    Column("name", "单位名称", True),
    Column("legal_representative", "法定代表人", True),
    Column("district", "所属区县", True, "区县名称或行政区划代码，如 城关区 或 620102"),
    Column("address", "地址"),
    Column("kind", "单位类型", False, "建设单位 / 施工总承包单位 / 专业分包单位 / 劳务分包单位 / 其他用人单位"),
    Column("industry", "行业门类", False, "国民经济行业分类门类字母 A–T，如 E"),
    Column("registered_capital", "注册资本（万元）"),
    Column("employee_count", "职工人数"),
    Column("insured_count", "参保人数"),
    Column("state_owned", "是否国有", False, "是 / 否"),
    Column("provincial", "是否省属", False, "是 / 否"),
    Column("status", "经营状态", False, "存续 / 经营异常 / 注销"),
    Column("former_names", "曾用名", False, "多个曾用名用分号分隔"),
]
UPDATABLE_FIELDS = [c.field for c in COLUMNS if c.field != "credit_code"]

# Values of the file format, as the bureau's spreadsheets write them.
KIND_VALUES = {
    "建设单位": EnterpriseKind.CLIENT,
    "施工总承包单位": EnterpriseKind.GENERAL_CONTRACTOR,
    "总承包单位": EnterpriseKind.GENERAL_CONTRACTOR,
    "专业分包单位": EnterpriseKind.SPECIALIST_SUBCONTRACTOR,
    "劳务分包单位": EnterpriseKind.LABOUR_SUBCONTRACTOR,
    "其他用人单位": EnterpriseKind.OTHER,
    "其他": EnterpriseKind.OTHER,
}
STATUS_VALUES = {"存续": EnterpriseStatus.ACTIVE, "在业": EnterpriseStatus.ACTIVE,
                 "经营异常": EnterpriseStatus.ABNORMAL, "注销": EnterpriseStatus.DEREGISTERED}
BOOL_VALUES = {"是": True, "否": False, "Y": True, "N": False, "1": True, "0": False, "TRUE": True, "FALSE": False}


def template_workbook() -> bytes:
    """The downloadable template: the headers on sheet 1 (credit-code column formatted as text), notes on sheet 2."""
    wb = Workbook()
    ws = wb.active
    ws.title = "企业名录"
    ws.append([c.header for c in COLUMNS])
    for index, column in enumerate(COLUMNS, start=1):
        cell = ws.cell(row=1, column=index)
        cell.font = Font(bold=True)
        letter = cell.column_letter
        ws.column_dimensions[letter].width = 24 if column.field in ("credit_code", "name", "address") else 14
        if column.field == "credit_code":
            ws.column_dimensions[letter].number_format = "@"
            for row in range(2, 1002):
                ws.cell(row=row, column=index).number_format = "@"
    notes = wb.create_sheet("填写说明")
    notes.append(["列", "必填", "说明"])
    for column in COLUMNS:
        notes.append([column.header, "是" if column.required else "", column.note])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


# --- validation --------------------------------------------------------------------------------

class RowError(ValueError):
    pass


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def parse_credit_code(value) -> str:
    """A credit code cell. Excel turns an all-digit code into a number and keeps only 15 significant
    digits, so a number is never trusted, even if the rounded digits happen to form a valid code."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        raise RowError(_("Excel stored the code as a number and rounded it; format the column as text "
                         "and enter the code again."))
    code = uscc.compact(_text(value))
    if not code:
        raise RowError(_("This field is required."))
    if not uscc.is_valid(code):
        raise RowError(_("%(value)s is not a valid unified social credit code.") % {"value": code})
    return code


def _choice(mapping, codes):
    def parse(value):
        text = _text(value)
        if not text:
            return None
        if text in mapping:
            return mapping[text]
        if text in codes:
            return text
        raise RowError(_("Unknown value %(value)s; use one of: %(allowed)s") % {
            "value": text, "allowed": " / ".join(mapping)})
    return parse


def _industry(value):
    text = _text(value).upper()
    if not text:
        return ""
    if text[0] in Industry.values and (len(text) == 1 or not text[1].isalpha()):
        return text[0]
    raise RowError(_("Use the section letter A–T of the industry classification."))


def _count(value):
    text = _text(value)
    if not text:
        return 0
    try:
        number = int(text)
    except ValueError as exc:
        raise RowError(_("Enter a whole number.")) from exc
    if number < 0:
        raise RowError(_("Enter a number of zero or more."))
    return number


def _capital(value):
    try:
        amount = to_decimal(value)
    except ValueError as exc:
        raise RowError(_("Enter an amount in 10k CNY.")) from exc
    if amount is not None and (amount < 0 or amount >= 10**12):
        raise RowError(_("Enter an amount in 10k CNY."))
    return amount.quantize(Decimal("0.01")) if amount is not None else None


def _bool(value):
    text = _text(value).upper()
    if not text:
        return False
    if text in BOOL_VALUES:
        return BOOL_VALUES[text]
    raise RowError(_("Enter 是 or 否."))


def _limited(length, required=False):
    def parse(value):
        text = _text(value)
        if required and not text:
            raise RowError(_("This field is required."))
        if len(text) > length:
            raise RowError(_("At most %(n)d characters.") % {"n": length})
        return text
    return parse

PARSERS = {
    "credit_code": parse_credit_code,
    "name": _limited(200, required=True),
    "legal_representative": _limited(50, required=True),
    "address": _limited(255),
    "kind": _choice(KIND_VALUES, EnterpriseKind.values),
    "industry": _industry,
    "registered_capital": _capital,
    "employee_count": _count,
    "insured_count": _count,
    "state_owned": _bool,
    "provincial": _bool,
    "status": _choice(STATUS_VALUES, EnterpriseStatus.values),
    "former_names": lambda v: "\n".join(p.strip() for p in _text(v).replace("；", ";").split(";") if p.strip()),
}


@dataclass
class Validated:
    rows: list  # [(row_number, {field: value})]
    errors: list  # [{"row", "column", "message"}]
    existing: dict  # credit_code -> Enterprise


def validate_workbook(data: bytes, actor) -> Validated:
    """Read and check every row; nothing is written."""
    header, body = read_rows(data)
    positions = {h: i for i, h in enumerate(header) if h}
    errors = [{"row": 1, "column": c.header, "message": _("The column is missing.")}
              for c in COLUMNS if c.required and c.header not in positions]
    if errors:
        return Validated([], errors, {})
    if not body:
        return Validated([], [{"row": 2, "column": "", "message": _("The sheet has no rows to import.")}], {})
    districts = {}
    for d in District.objects.visible_to(actor):
        districts[d.name] = districts[d.code] = d
    allowed_districts = set(District.objects.visible_to(actor).values_list("pk", flat=True))
    rows, seen = [], {}
    for number, values in body:
        parsed, row_errors = {}, []
        for column in COLUMNS:
            if column.header not in positions:
                continue
            raw = values[positions[column.header]] if positions[column.header] < len(values) else None
            try:
                if column.field == "district":
                    parsed["district"] = _district(raw, districts, allowed_districts)
                else:
                    parsed[column.field] = PARSERS[column.field](raw)
            except RowError as exc:
                row_errors.append({"row": number, "column": column.header, "message": str(exc)})
        code = parsed.get("credit_code")
        if code and code in seen:
            row_errors.append({"row": number, "column": COLUMNS[0].header,
                               "message": _("Same code as row %(row)d.") % {"row": seen[code]}})
        elif code:
            seen[code] = number
        errors.extend(row_errors)
        if not row_errors:
            rows.append((number, parsed))
    existing = _existing(list(seen), actor, rows, errors)
    return Validated(rows, sorted(errors, key=lambda e: (e["row"], e["column"])), existing)


def _district(raw, districts, allowed):
    text = _text(raw)
    if not text:
        raise RowError(_("This field is required."))
    district = districts.get(text)
    if district is None or district.pk not in allowed:
        raise RowError(_("%(value)s is not a district you may import for.") % {"value": text})
    return district


def _existing(codes, actor, rows, errors):
    """Enterprises already on file, by code; a code owned by an enterprise outside the actor's scope is an error."""
    existing = {}
    for start in range(0, len(codes), 5000):
        chunk = codes[start:start + 5000]
        existing.update((e.credit_code, e) for e in Enterprise.objects.filter(credit_code__in=chunk))
    if existing:
        changeable = set(Enterprise.objects.visible_to(actor, Action.CHANGE)
                         .filter(pk__in=[e.pk for e in existing.values()]).values_list("pk", flat=True))
        for number, parsed in rows:
            enterprise = existing.get(parsed["credit_code"])
            if enterprise is not None and enterprise.pk not in changeable:
                errors.append({"row": number, "column": COLUMNS[0].header,
                               "message": _("This code belongs to an enterprise outside your scope.")})
    return existing


# --- applying --------------------------------------------------------------------------------

def apply_rows(validated: Validated, *, actor, job=None) -> tuple[int, int]:
    """Create new enterprises and update changed ones; call inside a transaction."""
    now = timezone.now()
    new, changed, entries = [], [], []
    with file_language():
        updated_title, registered_title = str(_("File updated by import")), str(_("Registered by import"))
    for _number, values in validated.rows:
        enterprise = validated.existing.get(values["credit_code"])
        if enterprise is None:
            defaults = {"kind": EnterpriseKind.OTHER, "status": EnterpriseStatus.ACTIVE, "industry": ""}
            new.append(Enterprise(**{**defaults, **{k: v for k, v in values.items() if v is not None}}))
            continue
        fields = [f for f in UPDATABLE_FIELDS if f in values and values[f] is not None
                  and getattr(enterprise, f) != values[f]]
        if fields:
            for f in fields:
                setattr(enterprise, f, values[f])
            enterprise.updated_at = now
            changed.append(enterprise)
            entries.append(build_entry(enterprise, TimelineKind.UPDATED, updated_title, actor=actor,
                                       obj=job, occurred_at=now))
    user = actor if getattr(actor, "pk", None) else None
    if new:
        bulk_create_with_history(new, Enterprise, batch_size=BATCH_SIZE, default_user=user,
                                 default_change_reason="import")
        entries.extend(build_entry(e, TimelineKind.REGISTERED, registered_title, actor=actor, obj=job,
                                   occurred_at=now) for e in new)
    if changed:
        bulk_update_with_history(changed, Enterprise, UPDATABLE_FIELDS + ["updated_at"], batch_size=BATCH_SIZE,
                                 default_user=user, default_change_reason="import")
    save_entries(entries)
    return len(new), len(changed)


def run_import(job: EnterpriseImport) -> EnterpriseImport:
    """Validate the job's workbook and, if it has no error, apply it all at once. Idempotent: a job
    that has finished is left alone."""
    if job.status in (ImportStatus.DONE, ImportStatus.FAILED):
        return job
    actor = job.created_by
    EnterpriseImport.objects.filter(pk=job.pk).update(status=ImportStatus.RUNNING)
    try:
        validated = validate_workbook(bytes(job.data), actor)
    except WorkbookRejected as exc:
        validated = Validated([], [{"row": 0, "column": "", "message": str(exc)}], {})
    except Exception:  # noqa: BLE001 (openpyxl raises many kinds on a damaged file)
        validated = Validated([], [{"row": 0, "column": "", "message": _("The workbook cannot be read.")}], {})
    job.total_rows = len(validated.rows) + len({e["row"] for e in validated.errors if e["row"] > 1})
    if validated.errors:
        return _finish(job, ImportStatus.FAILED, errors=validated.errors)
    try:
        with transaction.atomic():
            job.created_count, job.updated_count = apply_rows(validated, actor=actor, job=job)
            events.record("enterprises_imported", actor=actor, obj=job, rows=job.total_rows,
                          created=job.created_count, updated=job.updated_count)
            return _finish(job, ImportStatus.DONE)
    except IntegrityError:
        # Another import or a registration took one of the codes in the meantime: nothing was applied.
        return _finish(job, ImportStatus.FAILED, errors=[{"row": 0, "column": "", "message": _(
            "The registry changed while importing; nothing was imported. Import the file again.")}])


def _finish(job, status, errors=()):
    job.status = status
    job.errors = list(errors)[:MAX_REPORTED_ERRORS]
    if len(errors) > MAX_REPORTED_ERRORS:
        job.errors.append({"row": 0, "column": "", "message": _("%(n)d more errors not shown.") % {
            "n": len(errors) - MAX_REPORTED_ERRORS}})
    job.data = None
    job.finished_at = timezone.now()
    job.save()
    if status == ImportStatus.FAILED:
        events.record("enterprises_import_rejected", actor=job.created_by, obj=job, success=False,
                      errors=len(errors))
    return job
