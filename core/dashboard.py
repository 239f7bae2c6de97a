"""The figures on a staff home page. Each app contributes a `dashboard.py` with `stats(user, today)`,
listed in DASHBOARD_MODULES; every figure is counted through visible_to and links to the filtered
list behind it (docs/ui.md: "every number on a dashboard links to the list behind it")."""

from dataclasses import dataclass
from importlib import import_module

from django.urls import reverse
from django.utils import timezone

DASHBOARD_MODULES = [
    "cases.dashboard",
    "projects.dashboard",
    "deposits.dashboard",
    "enterprises.dashboard",
    "blacklist.dashboard",
]


@dataclass(frozen=True)
class Stat:
    label: str
    value: int
    url: str
    icon: str = "bi-circle"
    tone: str = ""  # "danger" or "warning" when a non-zero value needs attention

    @property
    def alert(self) -> bool:
        return bool(self.tone and self.value)


def link(url_name: str, query: str = "") -> str:
    return reverse(url_name) + (f"?{query}" if query else "")


def stats_for(user) -> list[Stat]:
    today = timezone.localdate()
    found = []
    for name in DASHBOARD_MODULES:
        found.extend(import_module(name).stats(user, today))
    return found
