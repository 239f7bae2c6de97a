"""What every importer shares between reading and applying: the row error, the validated result, the cell
parsers and the downloadable template."""

import datetime as dt
import io
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from .reading import Column, to_decimal

MAX_REPORTED_ERRORS = 500


class RowError(ValueError):
    """A cell that cannot be imported; the message goes to the report with its row and column."""


@dataclass
class Validated:
    rows: list  # [(row_number, {field: value})]
    errors: list  # [{"row", "column", "message"}]
    context: dict = field(default_factory=dict)  # what the importer found while validating (existing records)

    def error(self, row, column, message):
        self.errors.append({"row": row, "column": column, "message": str(message)})


def template_workbook(columns: list[Column], title: str, example: list | None = None) -> bytes:
    """The downloadable template: headers on sheet 1 (code, ID and card columns formatted as text), notes on
    sheet 2."""
    wb = Workbook()
    ws = wb.active
    ws.title = title
    ws.append([c.header for c in columns])
    for index, column in enumerate(columns, start=1):
        cell = ws.cell(row=1, column=index)
        cell.font = Font(bold=True)
        letter = cell.column_letter
        ws.column_dimensions[letter].width = 22 if column.text else 14
        if column.text:
            ws.column_dimensions[letter].number_format = "@"
            for row in range(2, 1002):
                ws.cell(row=row, column=index).number_format = "@"
    if example:
        for index, value in enumerate(example, start=1):
            ws.cell(row=2, column=index, value=value)
    notes = wb.create_sheet("填写说明")
    notes.append(["列", "必填", "说明"])
    for column in columns:
        notes.append([column.header, "是" if column.required else "", column.note])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


# --- cell parsers --------------------------------------------------------------------------------

BOOL_VALUES = {"是": True, "否": False, "Y": True, "N": False, "YES": True, "NO": False, "1": True, "0": False,
               "TRUE": True, "FALSE": False}


def text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def limited(length, required=False):
    def parse(value):
        result = text(value)
        if required and not result:
            raise RowError(_("This field is required."))
        if len(result) > length:
            raise RowError(_("At most %(n)d characters.") % {"n": length})
        return result
    return parse


def date(required=False):
    def parse(value):
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                raise RowError(_("This field is required."))
            return None
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        raw = text(value).replace("/", "-").replace(".", "-").replace("年", "-").replace("月", "-").rstrip("日")
        try:
            return dt.date.fromisoformat("-".join(p.zfill(2) for p in raw.split("-")))
        except ValueError as exc:
            raise RowError(_("Enter a date as 2026-03-15.")) from exc
    return parse


def money(required=False, default=None):
    def parse(value):
        try:
            amount = to_decimal(value)
        except ValueError as exc:
            raise RowError(_("Enter an amount in CNY.")) from exc
        if amount is None:
            if required:
                raise RowError(_("This field is required."))
            return default
        if amount < 0 or amount >= Decimal("1e10"):
            raise RowError(_("Enter an amount of zero or more."))
        return amount.quantize(Decimal("0.01"))
    return parse


def boolean(value) -> bool:
    result = text(value).upper()
    if not result:
        return False
    if result in BOOL_VALUES:
        return BOOL_VALUES[result]
    raise RowError(_("Enter 是 or 否."))


def finish_errors(errors: list) -> list:
    """Errors by row and column, at most MAX_REPORTED_ERRORS of them and a line saying how many more."""
    errors = sorted(errors, key=lambda e: (e["row"], e["column"]))
    if len(errors) > MAX_REPORTED_ERRORS:
        extra = len(errors) - MAX_REPORTED_ERRORS
        errors = errors[:MAX_REPORTED_ERRORS]
        errors.append({"row": 0, "column": "", "message": _("%(n)d more errors not shown.") % {"n": extra}})
    return errors


# Excel keeps 15 significant digits of a number: a card number, bank reference or account typed in a General
# column arrives rounded (6222021234567894 becomes 6222021234567890), and two references can round to one.
ROUNDED_FROM = 10**15


def rounded_identifiers(records, columns: list[Column]) -> list:
    """Errors for the text columns (codes, ID, card and reference numbers) that a workbook gave as numbers too long
    to be exact; whatever the importer, such a value is never stored."""
    headers = {c.field: c.header for c in columns if c.text}
    errors = []
    for number, raw in records.rows:
        for name, header in headers.items():
            value = raw.get(name)
            if isinstance(value, (int, float)) and not isinstance(value, bool) and abs(value) >= ROUNDED_FROM:
                errors.append({"row": number, "column": header, "message": _(
                    "Excel stored this number as a number and may have rounded it; format the column as text and "
                    "enter it again.")})
    return errors


# What a formula cell holds when it failed (openpyxl gives the code as text with data_only).
EXCEL_ERRORS = {"#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!",
                "#CALC!"}


def error_values(records, columns: list[Column]) -> list:
    """Errors for the cells that hold an Excel error value (#NAME?, #VALUE!, …) instead of data."""
    headers = {c.field: c.header for c in columns}
    errors = []
    for number, raw in records.rows:
        for name, header in headers.items():
            value = raw.get(name)
            if isinstance(value, str) and value.strip().upper() in EXCEL_ERRORS:
                errors.append({"row": number, "column": header, "message": _(
                    "The cell holds the Excel error %(value)s; correct the formula or enter the value.") % {
                    "value": value.strip()}})
    return errors


def parse_row(number, raw: dict, parsers: dict, labels: dict, validated: Validated) -> dict | None:
    """Parse one row with {field: parser}; errors go to `validated`; None when the row has one."""
    parsed, ok = {}, True
    for name, parser in parsers.items():
        if name not in labels:
            continue
        try:
            parsed[name] = parser(raw.get(name))
        except RowError as exc:
            validated.error(number, labels[name], exc)
            ok = False
    return parsed if ok else None
