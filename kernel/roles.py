"""The fixed roles and actions of the platform: every scoping decision (kernel.scoping) starts here."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    """The fixed roles of the platform. Scope and allowed actions follow from the role."""

    CITY_ADMIN = "city_admin", _("City administrator")
    CITY_LEADER = "city_leader", _("City leader")
    DISTRICT_OFFICIAL = "district_official", _("District official")
    INSPECTOR = "inspector", _("Inspector")
    GRID_ASSISTANT = "grid_assistant", _("Grid assistant")
    ENTERPRISE = "enterprise", _("Enterprise user")
    API_CLIENT = "api_client", _("Department API client")

    @classmethod
    def city_wide(cls):
        return {cls.CITY_ADMIN, cls.CITY_LEADER}

    @classmethod
    def district_bound(cls):
        return {cls.DISTRICT_OFFICIAL, cls.INSPECTOR, cls.GRID_ASSISTANT}


class Action(models.TextChoices):
    """What a user wants to do with a record; visible_to(user, action) answers who may."""

    VIEW = "view", _("View")
    ADD = "add", _("Add")
    CHANGE = "change", _("Change")
    DELETE = "delete", _("Delete")
    APPROVE = "approve", _("Approve")


# What each role may do in general. A model narrows it with `role_actions` (kernel.scoping).
ROLE_ACTIONS = {
    Role.CITY_ADMIN: {Action.VIEW, Action.ADD, Action.CHANGE, Action.DELETE, Action.APPROVE},
    Role.CITY_LEADER: {Action.VIEW},
    Role.DISTRICT_OFFICIAL: {Action.VIEW, Action.ADD, Action.CHANGE, Action.APPROVE},
    Role.INSPECTOR: {Action.VIEW, Action.ADD, Action.CHANGE},
    Role.GRID_ASSISTANT: {Action.VIEW, Action.ADD},
    Role.ENTERPRISE: {Action.VIEW, Action.CHANGE},
    # Department clients act only through their grants (accounts.DepartmentGrant).
    Role.API_CLIENT: {Action.VIEW, Action.ADD, Action.CHANGE},
}
