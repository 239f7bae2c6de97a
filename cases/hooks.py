"""Actions of apps ABOVE cases that must happen together with a case action, in its transaction.

Why a hook list and not an explicit call: filing a case revokes the enterprise's certificates, and the
certificates app sits above cases (it reads cases.facts for its blockers), so a call from cases into it
would be an import cycle. The consumer above registers a plain function from its AppConfig.ready();
file_case calls every registered function right after it saves the new case, inside its transaction, so
the revocation commits or rolls back with the filing. Not a Django signal: only the service that files a
case calls it (a fixture or an admin save of a row does not), and a reader of file_case sees the call.
"""

_CASE_FILED = []


def on_case_filed(callback) -> None:
    """Register callback(case, actor) to run when a case is filed (once per callback)."""
    if callback not in _CASE_FILED:
        _CASE_FILED.append(callback)


def case_filed(case, actor) -> None:
    for callback in _CASE_FILED:
        callback(case, actor)
