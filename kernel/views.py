"""The scoped base of every HTML view: the class-based ScopedMixin and, for function views, the one place
that fetches a page's row in scope.

Every page that shows or acts on one row reads it through `page_object`:

    @login_required
    def deposit_detail(request, pk):
        deposit = page_object(request, Deposit.objects.select_related("project"), Action.VIEW, pk=pk)

It answers 403 when the user's role may not take the action on this kind of record at all (the same for
every id, so nothing leaks), and 404 when the row is outside the user's scope or does not exist. A page that
creates a row and fetches none asks `require_action(request.user, Action.ADD, Model)`. Whether the user may
also take another action on the row it shows (the buttons of the page) is `kernel.fetch.may_act_on`.
`tests/core/test_page_scoping.py` fails when a view module fetches a row by hand.
"""

from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet

from kernel.fetch import get_in_scope
from kernel.roles import Action
from kernel.scoping import can


class ScopedMixin(LoginRequiredMixin):
    """Every HTML view of a scoped model reads through visible_to(user, action).

    A record outside the user's scope is simply not in the queryset, so detail and edit URLs
    answer 404 and never reveal that the id exists.
    """

    model = None
    action = Action.VIEW

    def get_queryset(self):
        return self.model.objects.visible_to(self.request.user, self.action)


def _model(model_or_qs):
    return model_or_qs.model if isinstance(model_or_qs, QuerySet) else model_or_qs


def require_action(user, action, model) -> None:
    """403 unless the user's role may take the action on this kind of record (before any row is read)."""
    if not can(user, action, _model(model)):
        raise PermissionDenied


def page_object(request, model_or_qs, action=Action.VIEW, **lookup):
    """The row a page shows or acts on: 403 when the role may not take the action on the model, 404 when
    the row is outside the user's scope (or does not exist)."""
    require_action(request.user, action, model_or_qs)
    return get_in_scope(model_or_qs, request.user, action, **lookup)
