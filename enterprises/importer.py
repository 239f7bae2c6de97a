"""Excel import of the employer registry, on the import framework (core.imports).

The file format is fixed: the Chinese headers of COLUMNS, in any order, on the first visible sheet. The whole
workbook is validated first and every error is reported with its row number and column header; only a file
without errors is applied, in one transaction, set-based (bulk_create / bulk_update in batches), so 35,000 rows
take seconds. A credit code already on the registry updates that enterprise instead of creating a second one.
"""

from decimal import Decimal

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from simple_history.utils import bulk_create_with_history, bulk_update_with_history
from stdnum.cn import uscc

from accounts.models import District
from audit import events
from audit.kinds import AuditKind
from core.imports.cells import RowError, Validated, boolean, date, finish_errors, limited, text
from core.imports.reading import Column, to_decimal
from core.imports.service import Importer
from kernel.roles import Action

from .choices import EnterpriseKind, EnterpriseStatus, Industry, TimelineKind
from .models import Enterprise
from .timeline import build_entry, file_language, save_entries

BATCH_SIZE = 2000


COLUMNS = [
    Column("credit_code", "统一社会信用代码", True, "18位，请将此列设为文本格式", text=True),
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
    Column("first_activity_on", "在本市首次承接项目或缴存保证金日期", False, "平台上线前的记录，如 2018-04-02"),
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


def template_workbook() -> bytes:
    """The downloadable template: the headers on sheet 1 (credit-code column formatted as text), notes on sheet 2."""
    return IMPORTER.template()


# --- validation --------------------------------------------------------------------------------

def parse_credit_code(value) -> str:
    """A credit code cell. Excel turns an all-digit code into a number and keeps only 15 significant
    digits, so a number is never trusted, even if the rounded digits happen to form a valid code."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        raise RowError(_("Excel stored the code as a number and rounded it; format the column as text "
                         "and enter the code again."))
    code = uscc.compact(text(value))
    if not code:
        raise RowError(_("This field is required."))
    if not uscc.is_valid(code):
        raise RowError(_("%(value)s is not a valid unified social credit code.") % {"value": code})
    return code


def _choice(mapping, codes):
    def parse(value):
        word = text(value)
        if not word:
            return None
        if word in mapping:
            return mapping[word]
        if word in codes:
            return word
        raise RowError(_("Unknown value %(value)s; use one of: %(allowed)s") % {
            "value": word, "allowed": " / ".join(mapping)})
    return parse


def _industry(value):
    letters = text(value).upper()
    if not letters:
        return ""
    if letters[0] in Industry.values and (len(letters) == 1 or not letters[1].isalpha()):
        return letters[0]
    raise RowError(_("Use the section letter A–T of the industry classification."))


def _count(value):
    digits = text(value)
    if not digits:
        return 0
    try:
        number = int(digits)
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


PARSERS = {
    "credit_code": parse_credit_code,
    "name": limited(200, required=True),
    "legal_representative": limited(50, required=True),
    "address": limited(255),
    "kind": _choice(KIND_VALUES, EnterpriseKind.values),
    "industry": _industry,
    "registered_capital": _capital,
    "employee_count": _count,
    "insured_count": _count,
    "state_owned": boolean,
    "provincial": boolean,
    "status": _choice(STATUS_VALUES, EnterpriseStatus.values),
    "first_activity_on": date(),  # 65号 Art. 12: the record in the city starts here (Enterprise.first_activity_on)
    "former_names": lambda v: "\n".join(p.strip() for p in text(v).replace("；", ";").split(";") if p.strip()),
}


def _parsers(actor) -> dict:
    districts = {}
    for d in District.objects.visible_to(actor):
        districts[d.name] = districts[d.code] = d
    allowed = {d.pk for d in districts.values()}
    return {**PARSERS, "district": lambda raw: _district(raw, districts, allowed)}


def _district(raw, districts, allowed):
    name = text(raw)
    if not name:
        raise RowError(_("This field is required."))
    district = districts.get(name)
    if district is None or district.pk not in allowed:
        raise RowError(_("%(value)s is not a district you may import for.") % {"value": name})
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
    existing = validated.context["existing"]
    now = timezone.now()
    new, changed, entries = [], [], []
    with file_language():
        updated_title, registered_title = str(_("File updated by import")), str(_("Registered by import"))
    for _number, values in validated.rows:
        enterprise = existing.get(values["credit_code"])
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




class EnterpriseImporter(Importer):
    columns = COLUMNS
    title = "企业名录"
    conflict_message = _lazy("The registry changed while importing; nothing was imported. Import the file again.")

    def validate(self, job, records, progress) -> Validated:
        """Check every row; nothing is written. Only the columns the file has are read, so a re-import
        without a column leaves that field of the enterprises alone."""
        actor = job.created_by
        parsers = _parsers(actor)
        present = [c for c in COLUMNS if records.present is None or c.field in records.present]
        validated = Validated([], [])
        seen = {}
        for count, (number, raw) in enumerate(records.rows, start=1):
            progress(count)
            parsed, ok = {}, True
            for column in present:
                try:
                    parsed[column.field] = parsers[column.field](raw.get(column.field))
                except RowError as exc:
                    validated.error(number, column.header, exc)
                    ok = False
            code = parsed.get("credit_code")
            if code and code in seen:
                validated.error(number, COLUMNS[0].header, _("Same code as row %(row)d.") % {"row": seen[code]})
                ok = False
            elif code:
                seen[code] = number
            if ok:
                validated.rows.append((number, parsed))
        validated.context["existing"] = _existing(list(seen), actor, validated.rows, validated.errors)
        validated.errors = finish_errors(validated.errors)
        return validated

    def apply(self, job, validated, actor) -> dict:
        created, updated = apply_rows(validated, actor=actor, job=job)
        return {"created": created, "updated": updated}

    def succeeded(self, job, actor):
        events.record(AuditKind.ENTERPRISES_IMPORTED, actor=actor, obj=job, rows=job.total_rows,
                      created=job.created_count, updated=job.updated_count)

    def failed(self, job):
        events.record(AuditKind.ENTERPRISES_IMPORT_REJECTED, actor=job.created_by, obj=job, success=False,
                      errors=len(job.errors))

    def upload_rejected(self, actor, reason, target=None):
        events.record(AuditKind.ENTERPRISES_IMPORT_REJECTED, actor=actor, success=False, reason=reason)


IMPORTER = EnterpriseImporter()
