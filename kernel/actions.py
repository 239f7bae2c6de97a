"""The one descriptor of an "action on this record" (a case, a deposit, a fund, an inbox row).

A panel lists `RecordAction`s. Whether an action is offered asks the service's own precondition: the
service exposes `check_<action>(actor, obj)`, which raises a `kernel.errors.DomainError` (or Django's
PermissionDenied) with its reason, and the service calls that same check first, so the rule lives once.

- `applies(obj)`: is the action about this record at all now (its state)? If not, the panel leaves it out.
- `check(actor, obj)`: the service's precondition. A rule's refusal (RuleRefused, PermissionDenied) shows the
  action disabled with the reason; a refusal of the record's state (IllegalTransition) leaves it out.
- `permission`: the kernel action (CHANGE, APPROVE) the user needs on the record; the panel computes the
  user's rights once (`rights`) and passes them in, so a panel costs no query per action.

`panel(actions, user, obj, rights)` answers the `ActionState`s the template
`templates/includes/record_actions.html` renders: buttons for the available ones, disabled buttons with
the reason for the refused ones.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied
from django.urls import reverse

from kernel.errors import DomainError, IllegalTransition
from kernel.roles import Action


def _always(obj) -> bool:
    return True


@dataclass(frozen=True)
class RecordAction:
    key: str
    label: Any  # translatable (gettext_lazy)
    run: Callable | None = None  # the service call: (obj, user, cleaned_data, form); one-click: (obj, user)
    form: type | None = None  # the form of the action; None: one click
    check: Callable | None = None  # (actor, obj) -> None, raises with the reason: the service's check_<action>
    applies: Callable = _always  # (obj) -> bool: is the action about this record now
    permission: str = Action.CHANGE
    url_name: str = ""  # the route that shows (GET) or runs (POST) the action
    method: str = "post"  # "get": a link to the action's own page; "post": a form in the panel
    style: str = "primary"  # a Bootstrap button style: primary, danger, outline-primary, outline-danger, …
    confirm: str = ""  # the question asked before a dangerous click

    @property
    def danger(self) -> bool:
        return "danger" in self.style

    def refusal(self, user, obj, rights: dict | None = None) -> Exception | None:
        """None when the user may take the action now; else the refusal (the service's own exception)."""
        if not self.applies(obj):
            return IllegalTransition("")
        if rights is not None and not rights.get(self.permission, False):
            return PermissionDenied()
        if self.check is None:
            return None
        try:
            self.check(user, obj)
        except (DomainError, PermissionDenied) as exc:
            return exc
        return None

    def availability(self, user, obj, rights: dict | None = None) -> tuple[bool, str]:
        """(True, "") when the user may take the action now; else (False, why): the service's own reason."""
        exc = self.refusal(user, obj, rights)
        if exc is None:
            return True, ""
        return False, getattr(exc, "message", None) or str(exc)

    def available(self, user, obj, rights: dict | None = None) -> bool:
        return self.refusal(user, obj, rights) is None


@dataclass
class ActionState:
    """One action of a panel as the template shows it."""

    action: RecordAction
    available: bool
    reason: str = ""
    form: Any = None
    url: str = ""

    @property
    def key(self) -> str:
        return self.action.key


class Panel(list):
    """The ActionStates of one record, in the table's order; `offered` and `refused` for the template."""

    @property
    def offered(self) -> list[ActionState]:
        return [state for state in self if state.available]

    @property
    def refused(self) -> list[ActionState]:
        return [state for state in self if not state.available]


def panel(actions, user, obj, rights: dict | None = None, *, explain: bool = True, url_args=None) -> Panel:
    """The actions the user holds the right for: the available ones and, with `explain`, those a rule refuses
    now, with the service's reason (shown disabled). A refusal because of the record's state
    (IllegalTransition: nothing the user can do about it now) leaves the action out. `url_args(action)` gives
    the arguments of the action's route (default: the record's pk and the action's key)."""
    url_args = url_args or (lambda action: (obj.pk, action.key))
    states = Panel()
    for action in actions:
        if not action.applies(obj) or (rights is not None and not rights.get(action.permission, False)):
            continue
        exc = action.refusal(user, obj)
        if exc is None:
            states.append(ActionState(action, True, url=state_url(action, url_args)))
        elif explain and getattr(exc, "shown", True):
            states.append(
                ActionState(action, False, getattr(exc, "message", None) or str(exc), url=state_url(action, url_args))
            )
    return states


def state_url(action: RecordAction, url_args) -> str:
    return reverse(action.url_name, args=url_args(action)) if action.url_name else ""
