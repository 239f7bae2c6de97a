"""Serializer fields shared by the apps' APIs."""

import datetime as dt

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from core.workdays import provisional_years


@extend_schema_field(serializers.ListField(child=serializers.CharField()))
class ProvisionalDeadlinesField(serializers.Field):
    """`provisional_deadlines`: the names of the object's deadline fields that fall in a year whose
    working-day schedule is only provisional (core.workdays); empty when every one is certain."""

    def __init__(self, fields: list[str], **kwargs):
        self.deadline_fields = fields
        kwargs.update(source="*", read_only=True, help_text=(
            "Deadline fields counted with a provisional holiday schedule (statutory holidays only, no official "
            "make-up days); they may change when the official schedule is entered."))
        super().__init__(**kwargs)

    def to_representation(self, obj):
        # read once per response (the root serializer), whatever the number of rows
        root = self.root
        years = getattr(root, "_provisional_years", None)
        if years is None:
            years = root._provisional_years = provisional_years()
        found = []
        for name in self.deadline_fields:
            value = getattr(obj, name, None)
            if isinstance(value, dt.date) and value.year in years:
                found.append(name)
        return found
