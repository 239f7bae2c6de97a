"""Fetching one row in scope: the one way a view, a service or a task reads, locks or re-checks a row.

- `get_in_scope(Model, user, action, pk=…)`: the row, or Http404 when it is outside the user's scope (an id
  outside the scope answers like one that does not exist).
- `lock_in_scope(Model, actor, action, pk=…)`: inside a service's transaction, the row locked with
  `select_for_update()` if the actor may take the action on it, else PermissionDenied (the page fetched the
  row in scope already, so a miss here means the action is refused). `actor=None` is the platform itself
  (a periodic task), which acts on any row.
- `may_act_on(user, action, obj)`: whether the user may also take another action on a row a page shows;
  `with_may(qs, user, *actions)` answers the same inside the query that reads the rows.
- `assert_still_in_scope(obj, actor, action)`: style rule 11, after the write the row must still be one the
  actor may act on (a form cannot move a record into another district).

`model_or_qs` is a model or a queryset of it (to add `select_related`, or to narrow it). Scoping itself is
kernel.scoping (`visible_to`); these helpers only say once what every caller did by hand.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, QuerySet
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from kernel.roles import Action
from kernel.scoping import scope_queryset


def in_scope(model_or_qs, user, action=Action.VIEW) -> QuerySet:
    """The rows of the model (or queryset) the user may take the action on; every row for `user=None`."""
    qs = model_or_qs if isinstance(model_or_qs, QuerySet) else model_or_qs._default_manager.all()
    if user is None:
        return qs
    # the model's own visible_to where it narrows the kernel's rule (published listings only for departments)
    if hasattr(qs, "visible_to"):
        return qs.visible_to(user, action)
    return scope_queryset(qs, user, action)


def get_in_scope(model_or_qs, user, action=Action.VIEW, **lookup):
    """The row the lookup names, if the user may take the action on it; Http404 otherwise."""
    return get_object_or_404(in_scope(model_or_qs, user, action), **lookup)


def first_in_scope(model_or_qs, user, action=Action.VIEW, **lookup):
    """The row the lookup names if the user may take the action on it, else None (an optional row: the
    version a form starts from, a record found by its number)."""
    return in_scope(model_or_qs, user, action).filter(**lookup).first()


def may_act_on(user, action, obj) -> bool:
    """Whether the user may take the action on this row (a page's buttons); one query at most."""
    return in_scope(type(obj), user, action).filter(pk=obj.pk).exists()


def with_may(qs, user, *actions) -> QuerySet:
    """Each row annotated `may_<action>`: whether the user may take the action on it, computed in the same
    query (a page that shows one row and its buttons reads both at once)."""
    inner = qs.model._default_manager.all()
    return qs.annotate(
        **{f"may_{action}": Exists(in_scope(inner, user, action).filter(pk=OuterRef("pk"))) for action in actions}
    )


def locked_or_none(model_or_qs, actor, action=Action.CHANGE, **lookup):
    """The row, locked for the transaction, if the actor may take the action on it; else None."""
    return in_scope(model_or_qs, actor, action).select_for_update(of=("self",)).filter(**lookup).first()


def lock_in_scope(model_or_qs, actor, action=Action.CHANGE, *, denied=None, **lookup):
    """The row, locked for the transaction, if the actor may take the action on it; PermissionDenied (with
    the message `denied`, if given) otherwise."""
    row = locked_or_none(model_or_qs, actor, action, **lookup)
    if row is None:
        raise PermissionDenied(*([denied] if denied else []))
    return row


def assert_still_in_scope(obj, actor, action) -> None:
    """After the write, the row must still be one the actor may take the action on; PermissionDenied (which
    rolls the transaction back) if the write moved it outside the actor's scope."""
    if not in_scope(type(obj), actor, action).filter(pk=obj.pk).exists():
        raise PermissionDenied(_("The record would fall outside your scope."))
