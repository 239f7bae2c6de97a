"""The worker roster of a project (实名制花名册): people, their employment and wage cards.

A person already registered (same ID number, found through its keyed hash) is not registered twice; their
employment on this project is created or updated. The roster import adds and updates; it removes nobody
(a worker who left gets an exit date)."""

from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from core.identity import InvalidIdNumber, home_region_of, parse_id_number
from core.imports.cells import RowError, Validated, boolean, date, finish_errors, limited, parse_row, text
from core.imports.reading import Column
from kernel import crypto
from kernel.masking import mask_name

from ..choices import PartyRole
from ..models import Employment, ProjectParty, Worker
from .base import ProjectImporter

BATCH_SIZE = 2000
KIND = "roster"
TITLE = "实名制花名册"

COLUMNS = [
    Column("name", "姓名", True),
    Column("id_number", "身份证号", True, "18位居民身份证号码；请将此列设为文本格式", text=True),
    Column("phone", "手机号码", False, "", text=True),
    Column("home_region", "户籍地", False, "不填则按身份证号推断"),
    Column("employer", "用工单位", False, "总承包单位或分包单位的名称或统一社会信用代码；不填为总承包单位"),
    Column("team", "班组"),
    Column("trade", "工种"),
    Column("entered_on", "进场日期", True, "如 2026-03-01"),
    Column("exited_on", "退场日期"),
    Column("contract_signed_on", "劳动合同签订日期", False, "应不晚于进场日期"),
    Column("wage_card_bank", "工资卡开户银行"),
    Column("wage_card_number", "工资卡号", False, "请将此列设为文本格式", text=True),
    Column("card_issued_on", "发卡日期"),
    Column("card_held_by_worker", "本人持卡", False, "是 / 否"),
    Column("card_activated", "已激活", False, "是 / 否"),
]
EXAMPLE = None
WORKER_FIELDS = ["name", "phone", "home_region"]
EMPLOYMENT_FIELDS = ["employer", "team", "trade", "entered_on", "exited_on", "contract_signed_on", "wage_card_bank",
                     "wage_card_number", "card_issued_on", "card_held_by_worker", "card_activated"]


def _id_number(value):
    try:
        return parse_id_number(value)
    except InvalidIdNumber as exc:
        raise RowError(str(exc)) from exc


def _card_number(value):
    if isinstance(value, float):
        raise RowError(_("Excel stored the card number as a number and lost digits; format the column as text."))
    number = "".join(text(value).split())
    if not number:
        return ""
    if not number.isdigit() or not 12 <= len(number) <= 30:
        raise RowError(_("A card number has 12 to 30 digits."))
    return number


def _phone(value):
    number = text(value).replace("-", "").replace(" ", "")
    if number and (not number.isdigit() or not 7 <= len(number) <= 20):
        raise RowError(_("Enter a phone number of digits only."))
    return number


PARSERS = {
    "name": limited(50, required=True),
    "id_number": _id_number,
    "phone": _phone,
    "home_region": limited(100),
    "employer": limited(200),
    "team": limited(50),
    "trade": limited(50),
    "entered_on": date(required=True),
    "exited_on": date(),
    "contract_signed_on": date(),
    "wage_card_bank": limited(100),
    "wage_card_number": _card_number,
    "card_issued_on": date(),
    "card_held_by_worker": boolean,
    "card_activated": boolean,
}


def _employers(project) -> dict:
    """The general contractor and subcontractors of the project, by name and by credit code."""
    found = {}
    parties = ProjectParty.objects.filter(project=project, role__in=[PartyRole.GENERAL_CONTRACTOR,
                                                                     PartyRole.SUBCONTRACTOR]).select_related("enterprise")
    for party in parties:
        found[party.enterprise.name] = found[party.enterprise.credit_code] = party.enterprise
    return found


def _no_progress(n):
    pass


def validate(project, records, *, progress=_no_progress) -> Validated:
    validated = Validated([], [])
    employers = _employers(project)
    default_employer = project.general_contractor
    seen = {}
    for count, (number, raw) in enumerate(records.rows, start=1):
        progress(count)
        parsed = parse_row(number, raw, PARSERS, records.labels, validated)
        if parsed is None:
            continue
        ok = True
        employer_text = parsed.pop("employer", "")
        employer = employers.get(employer_text) if employer_text else default_employer
        if employer is None:
            message = _("%(value)s is not the general contractor or a subcontractor of this project.")
            validated.error(number, records.labels["employer"], message % {"value": employer_text})
            ok = False
        parsed["employer"] = employer
        if parsed.get("exited_on") and parsed["exited_on"] < parsed["entered_on"]:
            validated.error(number, records.labels.get("exited_on", "exited_on"), _("The exit is before the entry."))
            ok = False
        index = crypto.blind_index(parsed["id_number"])
        if index in seen:
            validated.error(number, records.labels["id_number"], _("Same ID number as row %(row)d.") % {
                "row": seen[index]})
            ok = False
        seen[index] = number
        parsed["index"] = index
        if not parsed.get("home_region"):
            parsed["home_region"] = home_region_of(parsed["id_number"])
        if ok:
            validated.rows.append((number, parsed))
    _refuse_identity_changes(project, validated, records.labels)
    validated.errors = finish_errors(validated.errors)
    return validated


def _refuse_identity_changes(project, validated, labels):
    """A person's identity is not an employer's to change (issue 16: a roster with another district's worker's ID
    number and a new name overwrote that person city-wide, and the other employer's payroll was then refused).

    A row whose ID number is registered under another name is refused, for review: the name is corrected by the
    labour inspection or the worker, never through a roster. A person who also works on another project keeps
    the phone and home region on file (``keep_details``); only a person known to this project alone is updated."""
    registered = _existing_workers([values["index"] for _n, values in validated.rows])
    elsewhere = set(Employment.objects.filter(worker__in=[w.pk for w in registered.values()])
                    .exclude(project=project).values_list("worker_id", flat=True))
    for number, values in validated.rows:
        worker = registered.get(values["index"])
        if worker is None:
            continue
        if worker.name != values["name"]:
            validated.error(number, labels["name"], _(
                "This ID number is registered under another name (%(name)s). A person's name is corrected by the "
                "labour inspection, not through a roster: check the row, or ask the district to verify the "
                "person.") % {"name": mask_name(worker.name)})
        values["keep_details"] = worker.pk in elsewhere


def _existing_workers(indexes) -> dict:
    found = {}
    for start in range(0, len(indexes), 5000):
        chunk = indexes[start:start + 5000]
        found.update((w.id_number_index, w) for w in Worker.objects.filter(id_number_index__in=chunk))
    return found


def apply(project, validated, *, actor, job=None) -> dict:
    """Create new people, update changed ones, create or update their employment. Inside a transaction."""
    user = actor if getattr(actor, "pk", None) else None
    workers = _existing_workers([values["index"] for _n, values in validated.rows])
    new_workers, changed_workers = [], []
    for _number, values in validated.rows:
        worker = workers.get(values["index"])
        if worker is None:
            worker = Worker(name=values["name"], id_number=values["id_number"], phone=values["phone"],
                            home_region=values["home_region"])
            worker.derive_from_id()
            workers[values["index"]] = worker
            new_workers.append(worker)
            continue
        if values.get("keep_details"):  # also on another project: the details on file stay (see above)
            continue
        fields = [f for f in WORKER_FIELDS if values.get(f) and getattr(worker, f) != values[f]]
        if fields:
            for f in fields:
                setattr(worker, f, values[f])
            changed_workers.append(worker)
    if new_workers:
        bulk_create_with_history(new_workers, Worker, batch_size=BATCH_SIZE, default_user=user,
                                 default_change_reason="roster import")
        # bulk_create returns ids on PostgreSQL; elsewhere read them back through the index.
        if any(w.pk is None for w in new_workers):
            workers.update(_existing_workers([w.id_number_index for w in new_workers]))
    if changed_workers:
        bulk_update_with_history(changed_workers, Worker, WORKER_FIELDS, batch_size=BATCH_SIZE, default_user=user,
                                 default_change_reason="roster import")
    existing = {e.worker_id: e for e in Employment.objects.filter(project=project)}
    created, updated, unchanged = [], [], 0
    for _number, values in validated.rows:
        worker = workers[values["index"]]
        employment = existing.get(worker.pk)
        data = {f: values[f] for f in EMPLOYMENT_FIELDS}
        if employment is None:
            created.append(Employment(project=project, worker=worker, source_import=job, **data))
            continue
        changed = [f for f in EMPLOYMENT_FIELDS if getattr(employment, f) != data[f]]
        if changed:
            for f in changed:
                setattr(employment, f, data[f])
            employment.source_import = job
            updated.append(employment)
        else:
            unchanged += 1
    if created:
        bulk_create_with_history(created, Employment, batch_size=BATCH_SIZE, default_user=user,
                                 default_change_reason="roster import")
    if updated:
        bulk_update_with_history(updated, Employment, [*EMPLOYMENT_FIELDS, "source_import"], batch_size=BATCH_SIZE,
                                 default_user=user, default_change_reason="roster import")
    return {"created": len(created), "updated": len(updated), "removed": 0, "unchanged": unchanged,
            "new_people": len(new_workers)}


class RosterImporter(ProjectImporter):
    columns = COLUMNS
    title = TITLE

    def validate(self, job, records, progress):
        return validate(job.project, records, progress=progress)

    def apply(self, job, validated, actor):
        return apply(job.project, validated, actor=actor, job=job)


IMPORTER = RosterImporter()
