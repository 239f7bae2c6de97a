"""Monthly attendance of a project's workers (days on site) from the site's gate or clock-in system: an Excel
export, or the gate vendor's API (POST /api/v1/attendance/). One row per worker and month.

The submission is checked as a whole (every row, every error reported with its row and column) and applied all
at once or not at all. A month already on file for a worker is replaced (an idempotent upsert per employment
and month, with a history record); workers and months the submission does not mention stay as they are.
A gate system repeats its export, so no review step stops the replacement, unlike a payroll month."""

import datetime as dt
import re
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from core import bounds
from core.imports.cells import RowError, Validated, date, finish_errors, limited, text
from core.imports.reading import Column, to_decimal

from .. import services
from ..choices import AttendanceSource
from ..models import Attendance
from .base import ProjectImporter, roster_rows
from .payroll import _id_number, _no_progress

TITLE = "月度考勤"
COLUMNS = [
    Column("id_number", "身份证号", True, "18位居民身份证号码；请将此列设为文本格式", text=True),
    Column("name", "姓名", False, "填写时须与花名册一致"),
    Column("project_code", "项目编号", True, "须为导入所在项目的项目编号", text=True),
    Column("month", "考勤月份", True, "年-月，如 2026-03"),
    Column("days_on_site", "出勤天数", True, "0–31，可有半天，如 21.5"),
]
_MONTH_TEXT = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?$|^(\d{4})(\d{2})$")


def parse_month(value) -> dt.date:
    """A month cell: a date Excel made of "2026-03", or text 2026-03, 2026/3, 2026年3月, 202603. Not before the
    earliest date the bureau keeps, not after the current month."""
    if isinstance(value, dt.date):  # a datetime too: Excel's naive calendar value
        month = date()(value).replace(day=1)
    else:
        match = _MONTH_TEXT.match(text(value))
        if match is None:
            raise RowError(_("Enter a month as year-month, e.g. 2026-03."))
        year, number = (match[1], match[2]) if match[1] else (match[3], match[4])
        try:
            month = dt.date(int(year), int(number), 1)
        except ValueError as exc:
            raise RowError(_("Enter a month as year-month, e.g. 2026-03.")) from exc
    try:
        bounds.not_before_earliest(month)
        bounds.month_not_in_future(month)
    except ValidationError as exc:
        raise RowError(" ".join(exc.messages)) from exc
    return month


def parse_days(value) -> Decimal:
    try:
        days = to_decimal(value)
    except ValueError as exc:
        raise RowError(_("Enter a number of days, e.g. 21.5.")) from exc
    if days is None:
        raise RowError(_("This field is required."))
    try:
        bounds.DaysInMonthRange()(days)
    except ValidationError as exc:
        raise RowError(" ".join(exc.messages)) from exc
    return days.quantize(Decimal("0.1"))


PARSERS = {
    "id_number": _id_number,
    "name": limited(50),
    "project_code": limited(40, required=True),
    "month": parse_month,
    "days_on_site": parse_days,
}


def validate(project, records, *, progress=_no_progress) -> Validated:
    validated = Validated([], [])
    labels = records.labels
    seen = {}
    for number, parsed, index, entry in roster_rows(project, records, PARSERS, validated, progress):
        errors = []
        if parsed["project_code"].upper() != project.code.upper():
            errors.append(("project_code", _("The row is for another project (%(code)s); import it there.") % {
                "code": parsed["project_code"]}))
        if entry is None:
            errors.append(("id_number", _("This person is not on the project's roster; import the roster first.")))
        elif parsed.get("name") and entry[1] != parsed["name"]:
            errors.append(("name", _("The roster has another name for this ID number.")))
        key = (index, parsed["month"])
        if key in seen:
            errors.append(("id_number", _("Same ID number and month as row %(row)d.") % {"row": seen[key]}))
        seen[key] = number
        too_many = Attendance.days_error(parsed["month"], parsed["days_on_site"])
        if too_many:
            errors.append(("days_on_site", too_many))
        for name, message in errors:
            validated.error(number, labels.get(name, name), message)
        if not errors:
            validated.rows.append((number, {"employment_id": entry[0], "month": parsed["month"],
                                            "days_on_site": parsed["days_on_site"]}))
    validated.errors = finish_errors(validated.errors)
    return validated


class AttendanceImporter(ProjectImporter):
    """Excel rows are the gate system's export, API rows the vendor's submission (AttendanceSource)."""

    columns = COLUMNS
    title = TITLE

    def validate(self, job, records, progress):
        return validate(job.project, records, progress=progress)

    def apply(self, job, validated, actor):
        source = AttendanceSource.API if job.source == "api" else AttendanceSource.GATE_IMPORT
        rows = [(values["employment_id"], values["month"], values["days_on_site"]) for _n, values in validated.rows]
        return services.upsert_attendance(rows, source=source, actor=actor, job=job)


IMPORTER = AttendanceImporter()
