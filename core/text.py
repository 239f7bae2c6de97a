"""Text helpers for messages that carry a number from its home."""

from django.utils.functional import lazy


def _format(message, **values) -> str:
    return str(message) % values


# A translatable message with %(name)s placeholders, formatted when it is shown (in the language of that
# moment), for form labels and help texts defined at import time: lazy_format(_("… %(days)d days"), days=N).
lazy_format = lazy(_format, str)
