"""Reading a submission: the upload checked as a file, then only the template's columns of the first visible
sheet, streamed and bounded.

A workbook is checked before openpyxl parses it (size, zip structure, the compression ratio of the archive and of
every part: ASVS 12.1.2/12.2.1; defusedxml is installed). It is then read in read-only mode with the row width
bounded by the rightmost template column, so a cell in column XFD or a dimension of A1:XFD1048576 costs nothing:
openpyxl would otherwise pad every row to the widest column and keep every row (issue 16). Rows, cells and time
are bounded with a message that says what to do.
"""

import io
import time
import unicodedata
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _
from openpyxl import load_workbook

MAX_UPLOAD_BYTES = 10 * 1024 * 1024
MAX_UNCOMPRESSED_BYTES = 100 * 1024 * 1024
MAX_COMPRESSION_RATIO = 100
# Small parts (styles, the header of a tiny sheet) compress well without being bombs; the ratio of a part is
# judged once it unpacks to more than this. The whole archive is judged too, but one random extra entry dilutes
# that ratio, which is why each part is checked on its own.
PART_RATIO_FROM_BYTES = 1024 * 1024
MAX_ZIP_ENTRIES = 500
MAX_ROWS = 50_000
# The header row is read this wide to find the template's headers wherever they stand, and looked for in this
# many top rows (a title above the header is common).
MAX_HEADER_COLUMNS = 200
HEADER_SEARCH_ROWS = 10
# Rows × columns actually read (the columns up to the rightmost template column).
MAX_CELLS = 1_000_000
MAX_READ_SECONDS = 120


@dataclass(frozen=True)
class Column:
    """One column of an import template: the model field it fills and its header in the file."""

    field: str
    header: str  # the file format: fixed Chinese data, not a UI string
    required: bool = False
    note: str = ""
    text: bool = False  # formatted as text in the template (credit codes, ID and card numbers)


@dataclass
class Records:
    """The rows of a submission, whatever it came from: [(row_number, {field: raw value})]."""

    rows: list
    labels: dict  # field -> the name an error report shows (the header, or the API field)
    missing: list = field(default_factory=list)  # required columns absent from the header
    # The fields the submission has a column for (None: all of them). An importer that updates records on file
    # leaves a field alone when its column is absent, rather than blanking it.
    present: set | None = None
    ignored: list = field(default_factory=list)  # headers of the file that are not in the template


class WorkbookRejected(ValueError):
    """The upload is not a workbook we are willing to open, or it is too big to read."""


def check_upload(upload) -> bytes:
    """Read an uploaded .xlsx and reject anything that is not a sane zip-based workbook."""
    if upload.size > MAX_UPLOAD_BYTES:
        raise WorkbookRejected(_("The file is larger than %(mb)d MB.") % {"mb": MAX_UPLOAD_BYTES // 1024 // 1024})
    data = upload.read()
    check_workbook(data)
    return data


def check_workbook(data: bytes) -> None:
    if not data.startswith(b"PK\x03\x04"):
        raise WorkbookRejected(_("The file is not an Excel workbook (.xlsx)."))
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
    except zipfile.BadZipFile as exc:
        raise WorkbookRejected(_("The file is not an Excel workbook (.xlsx).")) from exc
    names = {i.filename for i in infos}
    if "[Content_Types].xml" not in names or not any(n.startswith("xl/") for n in names):
        raise WorkbookRejected(_("The file is not an Excel workbook (.xlsx)."))
    # zipfile stops at the declared size of a part (and fails its CRC beyond it), so declared sizes hold.
    total = sum(i.file_size for i in infos)
    packed = sum(i.compress_size for i in infos) or 1
    bomb_part = any(i.file_size > PART_RATIO_FROM_BYTES and i.file_size / max(i.compress_size, 1)
                    > MAX_COMPRESSION_RATIO for i in infos)
    if (len(infos) > MAX_ZIP_ENTRIES or total > MAX_UNCOMPRESSED_BYTES or total / packed > MAX_COMPRESSION_RATIO
            or bomb_part):
        raise WorkbookRejected(_("The workbook is too large when unpacked."))


def header_key(value) -> str:
    """A header as compared with the template's: half- and full-width forms alike (注册资本(万元) is
    注册资本（万元）), spaces ignored."""
    if value is None:
        return ""
    return "".join(unicodedata.normalize("NFKC", str(value)).split())


def _blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _first_visible_sheet(wb):
    """The sheet a user sees first: a hidden first sheet (a lookup list, an old version) is not the data."""
    for ws in wb.worksheets:
        if getattr(ws, "sheet_state", "visible") == "visible":
            return ws
    raise WorkbookRejected(_("The workbook has no visible sheet."))


def _find_header(ws, columns) -> tuple[int, dict]:
    """(row number, {header key: column index}) of the header: the first of the top rows that has the most
    template headers, so a title row (merged or not) above the header is passed over."""
    wanted = {header_key(c.header) for c in columns}
    best = (1, {})
    rows = ws.iter_rows(min_row=1, max_row=HEADER_SEARCH_ROWS, max_col=MAX_HEADER_COLUMNS, values_only=True)
    for number, values in enumerate(rows, start=1):
        positions = {}
        for index, value in enumerate(values or ()):
            positions.setdefault(header_key(value), index)
        positions.pop("", None)
        if len(wanted & positions.keys()) > len(wanted & best[1].keys()):
            best = (number, positions)
    return best


def read_records(data: bytes, columns: list[Column]) -> Records:
    """The template's columns of the first visible sheet, by header, blank rows skipped."""
    check_workbook(data)
    deadline = time.monotonic() + MAX_READ_SECONDS
    labels = {c.field: c.header for c in columns}
    wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    try:
        ws = _first_visible_sheet(wb)
        header_row, positions = _find_header(ws, columns)
        known = {header_key(c.header) for c in columns}
        ignored = [h for h in positions if h not in known]
        missing = [c.header for c in columns if c.required and header_key(c.header) not in positions]
        index = [(c.field, positions[header_key(c.header)]) for c in columns if header_key(c.header) in positions]
        if missing or not index:
            return Records([], labels, missing)
        width = max(i for _f, i in index) + 1
        rows = []
        start = header_row + 1
        for number, values in enumerate(ws.iter_rows(min_row=start, max_col=width, values_only=True), start=start):
            read = number - 1
            if read > MAX_ROWS:
                raise WorkbookRejected(_("The sheet has more than %(n)d rows.") % {"n": MAX_ROWS})
            if read * width > MAX_CELLS:
                raise WorkbookRejected(_(
                    "The sheet has more than %(n)d cells in the template's columns; delete the columns that are not "
                    "in the template, or split the file.") % {"n": MAX_CELLS})
            if time.monotonic() > deadline:
                raise WorkbookRejected(_("The workbook takes too long to read; split it into smaller files."))
            if values is None:
                continue
            size = len(values)
            picked = {name: (values[i] if i < size else None) for name, i in index}
            if all(_blank(v) for v in picked.values()):
                continue
            rows.append((number, picked))
    finally:
        wb.close()
    return Records(rows, labels, [], {name for name, _i in index}, ignored)


def records_from_api(items: list, columns: list[Column]) -> Records:
    """API rows are numbered from 1 in the order given; the fields are the column field names."""
    labels = {c.field: c.field for c in columns}
    names = {c.field for c in columns}
    rows = [(n, {k: v for k, v in item.items() if k in names}) for n, item in enumerate(items, start=1)]
    ignored = sorted({k for item in items for k in item if k not in names})
    return Records(rows, labels, [], None, ignored)


def to_decimal(value):
    """openpyxl reads money back as float: go through str so 0.1 stays 0.1."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        # Full-width digits, "￥5,500" and "5500元" are unambiguous; NFKC turns ￥ into ¥ and ０ into 0.
        value = "".join(unicodedata.normalize("NFKC", value).split()).replace(",", "").lstrip("¥").removesuffix("元")
    try:
        amount = Decimal(str(value))
    except InvalidOperation as exc:
        raise ValueError(_("not a number")) from exc
    if not amount.is_finite():  # "NaN", "sNaN", "Infinity" parse, and then break every comparison
        raise ValueError(_("not a number"))
    return amount
