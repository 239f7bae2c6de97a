"""Actions of apps ABOVE projects that must follow a change of the project data the early-warning rules read:
the early-warning app queues the affected rules again (earlywarning.tasks.dispatch_for).

Why a hook list and not an explicit call: earlywarning sits above projects (its rules read projects.facts), so
a call from projects into it would be an import cycle. earlywarning registers a plain function from its
AppConfig.ready(); the services and importers that change payroll, attendance or wage-account movements call
data_changed(kind) inside their transaction, so what the callback arranges (a task queued on commit) is dropped
with a rollback. Kinds: "payroll", "attendance", "allocation" (a wage-account movement)."""

_DATA_CHANGED = []


def on_data_changed(callback) -> None:
    """Register callback(kind) to run when project data of that kind changes (once per callback)."""
    if callback not in _DATA_CHANGED:
        _DATA_CHANGED.append(callback)


def data_changed(kind: str) -> None:
    for callback in _DATA_CHANGED:
        callback(kind)
