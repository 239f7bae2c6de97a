"""The one date, datetime and month widget of every form (and filter bar) in the project.

An <input type="date"> accepts only ISO `yyyy-mm-dd` and an <input type="datetime-local"> only
`yyyy-mm-ddThh:mm`. Django renders a date with the active language's display format (zh-Hans:
`2025/10/01`), which the browser rejects: it shows the field empty and the next save clears the date.
These widgets always render the ISO value the browser needs, whatever the language.
"""

from django import forms

ISO_DATE = "%Y-%m-%d"
ISO_DATETIME_LOCAL = "%Y-%m-%dT%H:%M"
ISO_MONTH = "%Y-%m"


class IsoDateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None, format=None):  # noqa: A002 (Django's own argument name)
        super().__init__(attrs, format=format or ISO_DATE)


class IsoDateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, attrs=None, format=None):  # noqa: A002
        super().__init__(attrs, format=format or ISO_DATETIME_LOCAL)


class IsoMonthInput(forms.DateInput):
    input_type = "month"

    def __init__(self, attrs=None, format=None):  # noqa: A002
        super().__init__(attrs, format=format or ISO_MONTH)


ISO_WIDGETS = (IsoDateInput, IsoDateTimeInput, IsoMonthInput)
