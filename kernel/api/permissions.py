from rest_framework.permissions import BasePermission

from kernel.roles import Action
from kernel.scoping import can

METHOD_ACTIONS = {
    "GET": Action.VIEW,
    "HEAD": Action.VIEW,
    "OPTIONS": Action.VIEW,
    "POST": Action.ADD,
    "PUT": Action.CHANGE,
    "PATCH": Action.CHANGE,
    "DELETE": Action.DELETE,
}


def action_for(request, view) -> str:
    """The scoping action of a request: a viewset may map its extra actions (`action_map`)."""
    custom = getattr(view, "action_scopes", {}).get(getattr(view, "action", None))
    return custom or METHOD_ACTIONS.get(request.method, Action.CHANGE)


class RolePermission(BasePermission):
    """Deny by default: an authenticated user whose role may take the action on the model."""

    def has_permission(self, request, view):
        user = request.user
        if not (user and user.is_authenticated):
            return False
        model = getattr(getattr(view, "queryset", None), "model", None)
        if model is None:
            return True
        return can(user, action_for(request, view), model)
