"""Helpers shared by the inspections views."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied

from kernel.roles import Action
from kernel.scoping import can


def form_errors_message(request, form):
    messages.error(
        request,
        " ".join(f"{form.fields[f].label if f in form.fields else ''}: {' '.join(e)}" for f, e in form.errors.items()),
    )


class StaffListMixin:
    """The lists of the app are staff pages: a role that may not read the model (an enterprise) gets 403,
    not an empty list with links it cannot open."""

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not can(request.user, Action.VIEW, self.model):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)
