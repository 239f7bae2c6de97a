"""Excel out.

Exports stream from a write-only workbook, neutralise formulas in text cells (ASVS 5.0 1.2.10,
CWE-1236) and keep numbers as numbers with a currency format. Reading a workbook (the checks before
openpyxl parses it, the bounded streaming of the template's columns) is core.imports.reading's.
"""

import datetime as dt
import itertools
import tempfile
import unicodedata
from decimal import Decimal

from django.http import FileResponse
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from .formats import percent, yuan

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MONEY_FORMAT = '"¥"#,##0.00'
PERCENT_FORMAT = "0.00%"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\0")

# Column widths are fitted to the header and the first rows (a streamed export cannot look ahead further),
# bounded so that one long address does not push the other columns off the screen.
WIDTH_SAMPLE_ROWS = 200
MIN_COLUMN_WIDTH = 8
MAX_COLUMN_WIDTH = 50


class Ratio(Decimal):
    """A share (0.02 = 2 %) in an export column: written as a percent cell, not as money.
    Every other Decimal of an export is money."""


def safe_cell_value(value):
    """Text that a spreadsheet would run as a formula gets a leading apostrophe."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _cell(ws, value):
    cell = WriteOnlyCell(ws, value=safe_cell_value(value))
    if isinstance(value, Ratio):
        cell.number_format = PERCENT_FORMAT
    elif isinstance(value, Decimal):
        cell.number_format = MONEY_FORMAT
    elif isinstance(value, dt.date):
        cell.number_format = "yyyy-mm-dd"
    return cell


def display_width(value) -> int:
    """Characters a cell needs on screen: a Chinese character takes two."""
    if value is None:
        return 0
    if isinstance(value, Ratio):
        text = percent(value)
    elif isinstance(value, Decimal):
        text = yuan(value)
    elif isinstance(value, dt.date):
        text = "2026-01-01"
    else:
        text = str(value)
    longest = max(text.splitlines() or [""], key=len)
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in longest)


def fitted_widths(header, sample) -> list[float]:
    widths = []
    for index, title in enumerate(header):
        need = max([display_width(title)] + [display_width(values[index]) for values in sample])
        widths.append(min(max(need + 2, MIN_COLUMN_WIDTH), MAX_COLUMN_WIDTH))
    return widths


def write_xlsx(columns, rows, sheet_title="Sheet1", file=None):
    """Write rows with columns [(header, getter)] to a file-like object (default a temp file).

    Every export has its header row frozen and its column widths fitted to the content (docs/ui.md);
    money (Decimal) goes out as a number cell with the currency format, never as text."""
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(title=sheet_title[:31])
    titles = [str(title) for title, _getter in columns]
    values = ([getter(row) for _title, getter in columns] for row in rows)
    sample = list(itertools.islice(values, WIDTH_SAMPLE_ROWS))
    # Write-only sheets take their view and column settings before the first row.
    ws.freeze_panes = "A2"
    for index, width in enumerate(fitted_widths(titles, sample), start=1):
        ws.column_dimensions[get_column_letter(index)].width = width
    header = []
    for title in titles:
        cell = WriteOnlyCell(ws, value=title)
        cell.font = Font(bold=True)
        header.append(cell)
    ws.append(header)
    for row_values in itertools.chain(sample, values):
        ws.append([_cell(ws, value) for value in row_values])
    out = file or tempfile.TemporaryFile()  # noqa: SIM115 (FileResponse closes it)
    wb.save(out)
    out.seek(0)
    return out


def stream_xlsx(filename: str, columns, rows):
    out = write_xlsx(columns, rows, sheet_title=filename)
    stamp = timezone.localdate().strftime("%Y%m%d")
    return FileResponse(out, as_attachment=True, filename=f"{filename}-{stamp}.xlsx",
                        content_type=XLSX_CONTENT_TYPE)
