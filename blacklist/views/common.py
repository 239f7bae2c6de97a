from django.contrib import messages
from django.core.exceptions import PermissionDenied

from ..services import DomainError


def run(request, form, perform, success: str):
    """Call a service with a valid form; a refusal goes next to its field or to the top. True on success."""
    if not form.is_valid():
        return False
    try:
        perform(form.cleaned_data)
    except DomainError as exc:
        form.add_error(exc.field if exc.field in form.fields else None, exc.message)
        return False
    except PermissionDenied as exc:
        form.add_error(None, str(exc) or "403")
        return False
    messages.success(request, success)
    return True
