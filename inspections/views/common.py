"""Helpers shared by the inspections views."""

from django.contrib import messages


def form_errors_message(request, form):
    messages.error(
        request,
        " ".join(f"{form.fields[f].label if f in form.fields else ''}: {' '.join(e)}" for f, e in form.errors.items()),
    )
