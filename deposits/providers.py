"""The one fact the deposits app reads from an app ABOVE it: whether a contractor is on the
serious-dishonesty (joint-punishment) list, which raises its deposit rate by at least 100 % (65号 Art. 12).

Why a registry here and plain imports everywhere else: the list lives in blacklist, which sits above
deposits (blacklist reads deposits' facts about draws and projects), so deposits cannot import it without
an import cycle. The producer above the consumer plugs in instead: blacklist registers its provider from
its AppConfig.ready() (blacklist.providers.DepositProvider). Until it has, the answer is "not connected"
(None), never a guess, and the rate explanation says so. Facts from apps below deposits (the case
register) are read by importing their fact module (cases.facts) directly.
"""

import datetime as dt
from typing import Protocol

__all__ = ["BlacklistProvider", "blacklist_source", "listed", "register_blacklist_provider", "restore",
           "unregister_all"]


class BlacklistProvider(Protocol):
    name: str
    label: str

    def listed(self, enterprise_ids: list[int], on: dt.date) -> set[int]:
        """The enterprises on the serious-dishonesty (joint-punishment) list on the day."""


_BLACKLIST: dict[str, BlacklistProvider] = {}


def register_blacklist_provider(provider: BlacklistProvider) -> None:
    _BLACKLIST[provider.name] = provider


def unregister_all() -> dict:
    """Disconnect every provider and return them (tests restore them with restore())."""
    saved = dict(_BLACKLIST)
    _BLACKLIST.clear()
    return saved


def restore(saved: dict) -> None:
    unregister_all()
    _BLACKLIST.update(saved)


def blacklist_source() -> str | None:
    return ", ".join(str(p.label) for p in _BLACKLIST.values()) or None


def listed(enterprise_ids: list[int], on: dt.date) -> set[int] | None:
    """The listed enterprises among the ids, or None when no list is connected."""
    if not _BLACKLIST:
        return None
    found: set[int] = set()
    for provider in _BLACKLIST.values():
        found |= set(provider.listed(enterprise_ids, on))
    return found
