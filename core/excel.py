"""Excel in and out.

Exports stream from a write-only workbook, neutralise formulas in text cells (ASVS 5.0 1.2.10,
CWE-1236) and keep numbers as numbers with a currency format. Imports are checked as files
before openpyxl parses them (size, zip structure, compression ratio: ASVS 12.1.2/12.2.1) and
read with defusedxml installed.
"""

import datetime as dt
import io
import tempfile
import zipfile
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.http import FileResponse
from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MONEY_FORMAT = '"¥"#,##0.00'
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\0")

MAX_UPLOAD_BYTES = 10 * 1024 * 1024
MAX_UNCOMPRESSED_BYTES = 100 * 1024 * 1024
MAX_COMPRESSION_RATIO = 100
MAX_ZIP_ENTRIES = 500
MAX_ROWS = 50_000


@dataclass(frozen=True)
class Column:
    """One column of an import template: the model field it fills and its header in the file."""

    field: str
    header: str  # the file format: fixed Chinese data, not a UI string
    required: bool = False
    note: str = ""
    text: bool = False  # formatted as text in the template (credit codes, ID and card numbers)


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
    stamp = dt.date.today().strftime("%Y%m%d")
    return FileResponse(out, as_attachment=True, filename=f"{filename}-{stamp}.xlsx",
                        content_type=XLSX_CONTENT_TYPE)


class WorkbookRejected(ValueError):
    """The upload is not a workbook we are willing to open."""


def check_upload(upload) -> bytes:
    """Read an uploaded .xlsx and reject anything that is not a sane zip-based workbook."""
    if upload.size > MAX_UPLOAD_BYTES:
        raise WorkbookRejected(_("The file is larger than %(mb)d MB.") % {"mb": MAX_UPLOAD_BYTES // 1024 // 1024})
    data = upload.read()
    if not data.startswith(b"PK\x03\x04"):
        raise WorkbookRejected(_("The file is not an Excel workbook (.xlsx)."))
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
            names = {i.filename for i in infos}
            if "[Content_Types].xml" not in names or not any(n.startswith("xl/") for n in names):
                raise WorkbookRejected(_("The file is not an Excel workbook (.xlsx)."))
            total = sum(i.file_size for i in infos)
            packed = sum(i.compress_size for i in infos) or 1
            if len(infos) > MAX_ZIP_ENTRIES or total > MAX_UNCOMPRESSED_BYTES or total / packed > MAX_COMPRESSION_RATIO:
                raise WorkbookRejected(_("The workbook is too large when unpacked."))
    except zipfile.BadZipFile as exc:
        raise WorkbookRejected(_("The file is not an Excel workbook (.xlsx).")) from exc
    return data


def read_rows(data: bytes):
    """(header, [(row_number, values)]) of the first sheet, blank rows skipped."""
    wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    ws = wb.worksheets[0]
    rows = ws.iter_rows(values_only=True)
    header = [str(v).strip() if v is not None else "" for v in next(rows, [])]
    body = []
    for number, values in enumerate(rows, start=2):
        if number - 1 > MAX_ROWS:
            raise WorkbookRejected(_("The sheet has more than %(n)d rows.") % {"n": MAX_ROWS})
        if values is None or all(v is None or str(v).strip() == "" for v in values):
            continue
        body.append((number, list(values)))
    wb.close()
    return header, body


def to_decimal(value):
    """openpyxl reads money back as float: go through str so 0.1 stays 0.1."""
    if value is None or value == "":
        return None
    try:
        return Decimal(str(value).replace(",", "").replace("¥", "").strip())
    except InvalidOperation as exc:
        raise ValueError(_("not a number")) from exc
