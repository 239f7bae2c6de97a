"""Excel out.

Exports stream from a write-only workbook, neutralise formulas in text cells (ASVS 5.0 1.2.10,
CWE-1236) and keep numbers as numbers with a currency format. Reading a workbook (the checks before
openpyxl parses it, the bounded streaming of the template's columns) is core.imports.reading's.
"""

import datetime as dt
import tempfile
from decimal import Decimal

from django.http import FileResponse
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MONEY_FORMAT = '"¥"#,##0.00'
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\0")


def safe_cell_value(value):
    """Text that a spreadsheet would run as a formula gets a leading apostrophe."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _cell(ws, value):
    cell = WriteOnlyCell(ws, value=safe_cell_value(value))
    if isinstance(value, Decimal):
        cell.number_format = MONEY_FORMAT
    elif isinstance(value, dt.date):
        cell.number_format = "yyyy-mm-dd"
    return cell


def write_xlsx(columns, rows, sheet_title="Sheet1", file=None):
    """Write rows with columns [(header, getter)] to a file-like object (default a temp file)."""
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(title=sheet_title[:31])
    header = []
    for title, _getter in columns:
        cell = WriteOnlyCell(ws, value=str(title))
        cell.font = Font(bold=True)
        header.append(cell)
    ws.append(header)
    for row in rows:
        ws.append([_cell(ws, getter(row)) for _title, getter in columns])
    out = file or tempfile.TemporaryFile()  # noqa: SIM115 (FileResponse closes it)
    wb.save(out)
    out.seek(0)
    return out


def stream_xlsx(filename: str, columns, rows):
    out = write_xlsx(columns, rows, sheet_title=filename)
    stamp = timezone.localdate().strftime("%Y%m%d")
    return FileResponse(out, as_attachment=True, filename=f"{filename}-{stamp}.xlsx",
                        content_type=XLSX_CONTENT_TYPE)
