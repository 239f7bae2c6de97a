from django.contrib import messages
from django.core.exceptions import PermissionDenied

from kernel.errors import DomainError, form_error_from


def run(request, form, perform, success: str):
    """Call a service with a valid form; a refusal goes next to its field or to the top. True on success."""
    if not form.is_valid():
        return False
    try:
        perform(form.cleaned_data)
    except DomainError as exc:
        form_error_from(form, exc)
        return False
    except PermissionDenied as exc:
        form.add_error(None, str(exc) or "403")
        return False
    messages.success(request, success)
    return True
