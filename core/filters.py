"""Bounded number filters for every filter bar and list API.

django-filter's NumberFilter takes any decimal: `?year=0` or `?year=1e30` reached the database as a year
lookup Python cannot build (a 500), and `?project=1e30` a bigint PostgreSQL cannot hold. A number in a query
string has a range like any other typed value (core.bounds): out of range it is a form error, the list shows
the message and nothing matches, and the API answers 400."""

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django_filters import DateFilter, NumberFilter

from . import bounds
from .widgets import IsoDateInput

# PostgreSQL bigint, the type of every primary key.
LARGEST_ID = 2**63 - 1


def _latest_year() -> int:
    return bounds.latest_plan_date().year


class YearFilter(NumberFilter):
    """A calendar year from the first date the platform records to the end of the planning horizon."""

    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("validators", [MinValueValidator(bounds.EARLIEST_DATE.year),
                                         MaxValueValidator(_latest_year)])
        super().__init__(*args, **kwargs)


class IdFilter(NumberFilter):
    """The primary key of a related row (a project, an enterprise)."""

    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", LARGEST_ID)
        super().__init__(*args, **kwargs)


class IsoDateFilter(DateFilter):
    """A date in a filter bar: rendered as the ISO value an <input type="date"> needs (core.widgets), whatever
    the language, so a filtered list keeps its dates when the form is sent again."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", IsoDateInput())
        super().__init__(*args, **kwargs)
