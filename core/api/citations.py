"""The API side of core.citations: `citations = CitationsField({"field": RULE, ...})` adds, for every date field
of the body that has a value, the rule's name and basis ({"investigation_deadline": {"rule": …, "basis": …}})."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers


@extend_schema_field(OpenApiTypes.OBJECT)
class CitationsField(serializers.Field):
    def __init__(self, rules: dict, **kwargs):
        self.rules = rules
        kwargs.update(source="*", read_only=True)
        kwargs.setdefault("help_text", "The rule (name and legal basis) behind each date of this record.")
        super().__init__(**kwargs)

    def to_representation(self, instance):
        return {name: rule.as_dict() for name, rule in self.rules.items()
                if getattr(instance, name, None) is not None}
