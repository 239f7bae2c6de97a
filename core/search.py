"""The header search of the staff pages: enterprises, projects, workers, complaints and cases at once.

Each app contributes a `search.py` with `sections(user, query) -> list[Section]`, listed in SEARCH_MODULES
(the dashboard's pattern). Every section reads through `visible_to(user)`, shows masked values only and
links to the full, filtered list. A full ID number never travels in a URL: the view swaps it for its
keyed hash (`Query.id_index`) before anything runs, as the worker register does.
"""

from dataclasses import dataclass, field
from importlib import import_module

from django.core.exceptions import PermissionDenied

from kernel import crypto
from kernel.roles import Role

SEARCH_MODULES = [
    "enterprises.search",
    "projects.search",
    "cases.search",
]
SECTION_LIMIT = 10
MIN_TEXT_LENGTH = 2  # one Chinese character matches half the register
SEARCH_ROLES = frozenset(Role.values) - {Role.ENTERPRISE, Role.API_CLIENT}


def is_id_number(text: str) -> bool:
    return len(text) == 18 and text[:17].isdigit()


@dataclass(frozen=True)
class Query:
    text: str = ""  # what was typed (never a full ID number)
    id_index: str = ""  # the keyed hash of a full ID number

    @classmethod
    def parse(cls, text: str, idx: str = "") -> "Query":
        text = (text or "").strip()
        compact = "".join(text.split())
        if is_id_number(compact):
            return cls(id_index=crypto.blind_index(compact))
        return cls(text=text[:100], id_index=(idx or "")[:128])

    @property
    def empty(self) -> bool:
        return not self.id_index and len(self.text) < MIN_TEXT_LENGTH


@dataclass(frozen=True)
class Row:
    title: str
    url: str
    detail: str = ""


@dataclass
class Section:
    key: str
    label: str
    rows: list[Row] = field(default_factory=list)
    total: int = 0
    more_url: str = ""


def require_searcher(user) -> None:
    if not user.is_authenticated or (user.role not in SEARCH_ROLES and not user.is_superuser):
        raise PermissionDenied


def search(user, query: Query) -> list[Section]:
    require_searcher(user)
    if query.empty:
        return []
    sections = []
    for name in SEARCH_MODULES:
        sections.extend(import_module(name).sections(user, query))
    return sections


def section(key, label, queryset, row, more_url) -> Section:
    """The first SECTION_LIMIT matches of a scoped queryset as rows, with the total count."""
    total = queryset.count()
    return Section(key=key, label=str(label), rows=[row(obj) for obj in queryset[:SECTION_LIMIT]], total=total,
                   more_url=more_url)
