"""Actions of apps ABOVE cases that must happen together with a case action, in its transaction.

Why a hook list and not an explicit call: filing a case revokes the enterprise's certificates, and the
certificates app sits above cases (it reads cases.facts for its blockers), so a call from cases into it
would be an import cycle. The consumer above registers a plain function from its AppConfig.ready();
file_case calls every registered function right after it saves the new case, inside its transaction, so
the revocation commits or rolls back with the filing. Not a Django signal: only the service that files a
case calls it (a fixture or an admin save of a row does not), and a reader of file_case sees the call.

The same for a change of a case or a complaint (filing, an order, a recovery, closing, a complaint received
or decided): earlywarning sits above cases (its rules read cases.facts) and queues the affected rules again;
record_event and the complaint services call data_changed("case") inside their transaction, so the queued
evaluation is dropped with a rollback.
"""

_CASE_FILED = []
_DATA_CHANGED = []


def on_case_filed(callback) -> None:
    """Register callback(case, actor) to run when a case is filed (once per callback)."""
    if callback not in _CASE_FILED:
        _CASE_FILED.append(callback)


def case_filed(case, actor) -> None:
    for callback in _CASE_FILED:
        callback(case, actor)


def on_data_changed(callback) -> None:
    """Register callback(kind) to run when a case or a complaint changes (kind "case"; once per callback)."""
    if callback not in _DATA_CHANGED:
        _DATA_CHANGED.append(callback)


def data_changed(kind: str = "case") -> None:
    for callback in _DATA_CHANGED:
        callback(kind)
