"""Actions of apps ABOVE blacklist that must happen together with a listing taking effect, in its
transaction: the certificates app revokes the enterprise's certificates (certificates.receivers).

Why a hook list and not an explicit call: certificates sits above blacklist (its blockers read the list),
so a call from blacklist into it would be an import cycle. certificates registers a plain function from
its AppConfig.ready(); decide_listing calls every registered function inside its transaction."""

_LISTING_IN_FORCE = []


def on_listing_in_force(callback) -> None:
    """Register callback(entry, actor) to run when a listing takes effect (once per callback)."""
    if callback not in _LISTING_IN_FORCE:
        _LISTING_IN_FORCE.append(callback)


def listing_in_force(entry, actor) -> None:
    for callback in _LISTING_IN_FORCE:
        callback(entry, actor)
