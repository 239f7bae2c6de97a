"""The audit vocabulary has one catalogue (audit.kinds.AuditKind): every call site names a member, never a
free string, every member is translated, and the writers refuse a name outside the catalogue."""

import ast
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import translation

from audit import events
from audit.kinds import AuditKind
from audit.models import AuditEvent

ROOT = Path(settings.BASE_DIR)
SKIP = {"tests", "benchmarks", "tools", ".venv", "migrations", "node_modules"}
MEMBERS = set(AuditKind.names)

# Writers and the position of their event kind: audit.events, enterprises.timeline's one audit + timeline
# writer, and the app bindings of it (blacklist's record, deposits' log, projects' _record).
POSITIONAL = {"record": 0, "record_independently": 0, "record_with_timeline": 0, "_record": 0, "log": 1}
KEYWORD = {"record_event": "audit"}
# Writers that forward a kind their own caller chose (checked at that caller): a bare parameter is fine there.
FORWARDERS = {"record", "record_independently", "record_event", "record_with_timeline", "kind_of", "log", "_record"}


def _sources():
    for path in ROOT.rglob("*.py"):
        if not SKIP.intersection(path.relative_to(ROOT).parts):
            yield path


def _dict_values(tree) -> dict[str, list[ast.expr]]:
    """Module-level mappings {name: [value expressions]}, for `MAPPING[key]` kinds."""
    found = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Dict):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    found[target.id] = node.value.values
    return found


def _problems(expr, *, mappings, function) -> list[str]:
    """Why this expression is not a catalogue member (empty when it is one)."""
    if isinstance(expr, ast.Attribute) and isinstance(expr.value, ast.Name) and expr.value.id == "AuditKind":
        return [] if expr.attr in MEMBERS else [f"AuditKind.{expr.attr} is not in the catalogue"]
    if isinstance(expr, ast.IfExp):
        return (_problems(expr.body, mappings=mappings, function=function)
                + _problems(expr.orelse, mappings=mappings, function=function))
    if isinstance(expr, ast.BoolOp):
        return [p for value in expr.values for p in _problems(value, mappings=mappings, function=function)]
    if isinstance(expr, ast.Subscript) and isinstance(expr.value, ast.Name) and expr.value.id in mappings:
        return [p for value in mappings[expr.value.id]
                for p in _problems(value, mappings=mappings, function=function)]
    if isinstance(expr, ast.Name) and function in FORWARDERS:
        return []
    if isinstance(expr, ast.Constant | ast.JoinedStr):
        return [f"a literal name {ast.unparse(expr)} (use an AuditKind member)"]
    return [f"{ast.unparse(expr)} is not an AuditKind member"]


def _call_name(call):
    func = call.func
    return func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else None


def _is_audit_writer(call, filename) -> bool:
    """`events.record(...)`, `dep.log(...)`, `record_with_timeline(...)`, …; a bare `log(...)` only in deposits
    (whose binding it is)."""
    func = call.func
    if isinstance(func, ast.Attribute):
        return isinstance(func.value, ast.Name) and func.value.id in {"events", "timeline", "dep"}
    return func.id != "log" or filename.startswith("deposits/")


class _Scanner(ast.NodeVisitor):
    def __init__(self, tree, filename):
        self.mappings, self.filename = _dict_values(tree), filename
        self.function, self.calls, self.problems = None, 0, []

    def visit_FunctionDef(self, node):
        outer, self.function = self.function, node.name
        self.generic_visit(node)
        self.function = outer

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_Call(self, node):
        name = _call_name(node)
        if name in POSITIONAL and len(node.args) > POSITIONAL[name] and _is_audit_writer(node, self.filename):
            self._check(node, node.args[POSITIONAL[name]])
        elif name in KEYWORD:
            kind = next((k.value for k in node.keywords if k.arg == KEYWORD[name]), None)
            self.calls += 1
            if kind is not None:  # without it the case event kind's own mapping decides (checked below)
                self._check(node, kind, counted=True)
        self.generic_visit(node)

    def _check(self, node, kind, counted=False):
        self.calls += 0 if counted else 1
        self.problems.extend(f"{self.filename}:{node.lineno}: {problem}" for problem in
                             _problems(kind, mappings=self.mappings, function=self.function))


def scan(source: str, filename: str = "<source>") -> tuple[int, list[str]]:
    """(number of audit calls found, problems) in one module."""
    tree = ast.parse(source)
    scanner = _Scanner(tree, filename)
    scanner.visit(tree)
    return scanner.calls, scanner.problems


def test_every_audit_call_names_a_catalogue_member():
    calls, problems = 0, []
    for path in _sources():
        found, wrong = scan(path.read_text(encoding="utf-8"), str(path.relative_to(ROOT)))
        calls, problems = calls + found, problems + wrong
    assert calls > 100, "the scan found too few audit calls to be looking in the right place"
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("source", [
    'events.record("case_filed", actor=None)',
    'events.record(f"case_{kind}", actor=None)',
    'events.record(AuditKind.NO_SUCH_EVENT)',
    'events.record_independently("calendar_not_covered")',
    'record_event(case, kind, title, actor=a, audit="case_flagged")',
    'record_with_timeline(AuditKind.CASE_FILED if x else "case_closed", enterprise=e, title=t)',
    'KINDS = {1: "roster_imported"}\nevents.record(KINDS[k])',
    'def save(event):\n    events.record(event)',
])
def test_the_scan_catches_a_name_outside_the_catalogue(source):
    calls, problems = scan(source)
    assert calls == 1 and len(problems) == 1


def test_the_scan_accepts_members_mappings_and_forwarding():
    source = ("KINDS = {1: AuditKind.ROSTER_IMPORTED}\n"
              "events.record(KINDS[k])\n"
              "events.record(AuditKind.CASE_FILED if x else AuditKind.CASE_CLOSED)\n"
              "def record_event(case, kind, audit=None):\n    events.record(audit or KINDS[kind])\n")
    assert scan(source) == (3, [])


def test_members_are_unique_and_every_label_is_translated():
    assert len(set(AuditKind.values)) == len(AuditKind.values)
    with translation.override("en"):
        english = {member: str(member.label) for member in AuditKind}
    with translation.override("zh-hans"):
        untranslated = [member.name for member in AuditKind if str(member.label) == english[member]]
    assert not untranslated, untranslated


def test_the_case_event_mapping_and_the_import_mapping_cover_every_kind_they_are_used_for():
    from cases.choices import EscalationKind
    from cases.services.money import ESCALATION_DONE, ESCALATION_REQUESTED
    from projects.choices import ImportKind
    from projects.importers.base import IMPORTED

    assert set(IMPORTED) == set(ImportKind)
    assert set(ESCALATION_REQUESTED) == set(ESCALATION_DONE) == set(EscalationKind)
    assert all(isinstance(kind, AuditKind) for kind in [*IMPORTED.values(), *ESCALATION_REQUESTED.values(),
                                                        *ESCALATION_DONE.values()])


@pytest.mark.django_db
def test_record_refuses_a_name_outside_the_catalogue_and_keeps_the_stored_value(personas):
    with pytest.raises(ValueError, match="not in the audit catalogue"):
        events.record("no_such_event", actor=personas.city_admin)
    entry = events.record(AuditKind.LIST_EXPORTED, actor=personas.city_admin)
    entry.refresh_from_db()
    assert entry.event == "list_exported"  # the stored value is the same string as before the catalogue
    with translation.override("zh-hans"):
        assert entry.kind_label == str(AuditKind.LIST_EXPORTED.label) != "List exported"


@pytest.mark.django_db
def test_record_logs_an_unknown_name_in_production_rather_than_losing_the_row(personas, settings):
    settings.AUDIT_STRICT_KINDS = False
    entry = events.record("no_such_event", actor=personas.city_admin)
    assert AuditEvent.objects.filter(pk=entry.pk, event="no_such_event").exists()
    assert entry.kind_label == "no_such_event"


@pytest.mark.django_db
def test_the_audit_admin_list_shows_the_chinese_label(client, personas):
    events.record(AuditKind.LIST_EXPORTED, actor=personas.city_admin)
    client.force_login(personas.city_admin)
    with translation.override("zh-hans"):
        label = str(AuditKind.LIST_EXPORTED.label)
    response = client.get("/admin/audit/auditevent/", HTTP_ACCEPT_LANGUAGE="zh-hans")
    assert response.status_code == 200
    assert label in response.content.decode()
