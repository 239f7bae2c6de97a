"""The left navigation. Each app registers its entries here; the menu follows the user's role."""

from dataclasses import dataclass, field

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from kernel.roles import Role

ALL_ROLES = frozenset(Role.values)
STAFF_ROLES = ALL_ROLES - {Role.ENTERPRISE, Role.API_CLIENT}


@dataclass(frozen=True)
class NavItem:
    url_name: str
    label: str
    icon: str
    roles: frozenset = field(default=ALL_ROLES)
    section: str = ""


NAV_ITEMS: list[NavItem] = [
    NavItem("home", _("Home"), "bi-house"),
    NavItem("notifications:list", _("Messages"), "bi-bell", ALL_ROLES - {Role.API_CLIENT}),
    NavItem("cases:inbox", _("My inbox"), "bi-inbox", STAFF_ROLES - {Role.CITY_LEADER}, _("Casework")),
    NavItem("cases:complaints", _("Complaints"), "bi-megaphone", STAFF_ROLES, _("Casework")),
    NavItem("cases:list", _("Cases"), "bi-folder2-open", STAFF_ROLES, _("Casework")),
    NavItem("cases:incidents", _("Mass incidents"), "bi-people-fill", STAFF_ROLES, _("Casework")),
    NavItem("enterprises:list", _("Enterprises"), "bi-buildings", STAFF_ROLES, _("Supervision")),
    NavItem("enterprises:mine", _("Our enterprise"), "bi-building", frozenset({Role.ENTERPRISE})),
    NavItem("projects:list", _("Projects"), "bi-cone-striped", ALL_ROLES - {Role.API_CLIENT}, _("Supervision")),
    NavItem("projects:workers", _("Workers"), "bi-people", STAFF_ROLES, _("Supervision")),
    NavItem("earlywarning:list", _("Warnings"), "bi-bell", ALL_ROLES - {Role.API_CLIENT}, _("Supervision")),
    NavItem("earlywarning:catalogue", _("Warning rules"), "bi-journal-text", STAFF_ROLES, _("Supervision")),
    NavItem("deposits:list", _("Wage deposits"), "bi-safe", STAFF_ROLES, _("Supervision")),
    NavItem("deposits:funds", _("Emergency funds"), "bi-piggy-bank", STAFF_ROLES, _("Supervision")),
    NavItem("enterprises:grades", _("Credit grading"), "bi-award", STAFF_ROLES, _("Supervision")),
    NavItem("enterprises:violations", _("Violations"), "bi-exclamation-octagon", STAFF_ROLES, _("Supervision")),
    NavItem("blacklist:list", _("Joint-punishment list"), "bi-slash-circle", STAFF_ROLES, _("Credit discipline")),
    NavItem("blacklist:publications", _("Major violations"), "bi-megaphone-fill", STAFF_ROLES,
            _("Credit discipline")),
    NavItem("certificates:list", _("Certificates"), "bi-patch-check", ALL_ROLES - {Role.API_CLIENT},
            _("Credit discipline")),
    NavItem("earlywarning:runs", _("Evaluation runs"), "bi-clock-history", frozenset({Role.CITY_ADMIN}),
            _("Platform")),
    NavItem("inspections:list", _("Inspector roster"), "bi-person-badge", STAFF_ROLES, _("Inspections")),
    NavItem("inspections:staffing", _("Inspector staffing"), "bi-people", STAFF_ROLES, _("Inspections")),
    NavItem("inspections:plans", _("Spot-check plans"), "bi-shuffle", STAFF_ROLES, _("Inspections")),
    NavItem("accounts:districts", _("Districts"), "bi-map", STAFF_ROLES, _("Platform")),
    NavItem("city-settings", _("City settings"), "bi-sliders", STAFF_ROLES, _("Platform")),
    NavItem("api-docs", _("API documentation"), "bi-braces", ALL_ROLES - {Role.ENTERPRISE}, _("Platform")),
    NavItem("notifications:failed", _("Failed notifications"), "bi-envelope-exclamation",
            frozenset({Role.CITY_ADMIN}), _("Platform")),
    NavItem("admin:index", _("Administration"), "bi-gear", frozenset({Role.CITY_ADMIN}), _("Platform")),
]


def items_for(user, current_path: str):
    """(section, [(item, url, active)]) for the user's role, in registry order."""
    role = Role.CITY_ADMIN if user.is_superuser else user.role
    visible = []
    for item in NAV_ITEMS:
        if role not in item.roles:
            continue
        try:
            visible.append((item, reverse(item.url_name)))
        except NoReverseMatch:
            continue  # an app that is not installed in this deployment
    # The longest matching URL is the active one (/deposits/funds/ is not also /deposits/).
    matches = [url for _item, url in visible if current_path == url or (url != "/" and current_path.startswith(url))]
    active_url = max(matches, key=len, default=None)
    sections: dict[str, list] = {}
    for item, url in visible:
        sections.setdefault(str(item.section), []).append((item, url, url == active_url))
    return list(sections.items())
