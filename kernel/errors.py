"""The one family of business refusals, and the one way a page shows them.

A service that says no raises a member of the family with a message for the user (already translated, or
lazy) and, when one input is at fault, the name of that field:

- `RuleRefused`: a business rule says no (API: 400);
- `IllegalTransition`: the record is not in a state that allows the action (API: 409);
- `Conflict`: someone else changed the record meanwhile (API: 409).

The API maps the family once (`kernel.api.errors.exception_handler`); pages map it once with
`form_error_from(form, exc)` (the refusal next to its field, else at the top of the form) or
`message_from(request, exc)` (a flash message, for buttons without a form of their own). Django's
`ValidationError` stays what it is for: a form, a model's `clean()` or a field validator checking shape.
"""

from django.contrib import messages


class DomainError(Exception):
    """A business refusal with a message shown to the user as it is; `field` names the input at fault,
    `fields` maps several inputs to their messages (the message is then all of them)."""

    status_code = 400
    code = "refused"
    # Whether an action panel (kernel.actions) shows this refusal next to the disabled action: a rule's
    # refusal says what the user can do about it; a refusal of the record's state leaves the action out.
    shown = True

    def __init__(
        self, message=None, field: str | None = None, *, fields: dict | None = None, shown: bool | None = None
    ):
        if shown is not None:
            self.shown = shown
        self.fields = {name: str(text) for name, text in (fields or {}).items()}
        if message is None:
            message = " ".join(self.fields.values())
        self.message = str(message)
        self.field = field if field is not None else next(iter(self.fields), None)
        super().__init__(self.message)

    @property
    def messages(self) -> list[str]:
        """Every message of the refusal (one per field when several fields are at fault)."""
        return list(self.fields.values()) or [self.message]

    def field_errors(self) -> list[tuple[str | None, str]]:
        """(field or None, message) pairs, in the order the service named them."""
        if self.fields:
            return list(self.fields.items())
        return [(self.field, self.message)]


class RuleRefused(DomainError):
    """A business rule refused the action (API: 400)."""

    status_code = 400
    code = "rule_refused"


class IllegalTransition(DomainError):
    """The record is not in a state that allows the action (API: 409 Conflict)."""

    status_code = 409
    code = "illegal_transition"
    shown = False


class Conflict(DomainError):
    """The record changed under the action: a concurrent decision won (API: 409 Conflict)."""

    status_code = 409
    code = "conflict"


def form_error_from(form, exc: DomainError) -> None:
    """Show a service's refusal on the form: next to its field when the form has it, else at the top."""
    for field, message in exc.field_errors():
        form.add_error(field if field in form.fields else None, message)


def message_from(request, exc: DomainError) -> None:
    """Show a service's refusal as an error message (an action button that has no form to show it on)."""
    messages.error(request, " ".join(exc.messages))
