"""API bodies of the early-warning app: a warning with its evidence, history and legal basis."""

from rest_framework import serializers

from accounts.api.serializers import DistrictBriefSerializer

from ..models import Warning, WarningEvent
from ..rules import all_rules


def _spec(code):
    return next((spec for spec, _evaluate in all_rules() if spec.code == code), None)


class WarningEventSerializer(serializers.ModelSerializer):
    class Meta:
        model = WarningEvent
        fields = ["kind", "at", "level", "note"]


class WarningSerializer(serializers.ModelSerializer):
    district = DistrictBriefSerializer(read_only=True)
    rule_name = serializers.SerializerMethodField()
    citation = serializers.SerializerMethodField()
    level_display = serializers.CharField(source="get_level_display", read_only=True)
    events = WarningEventSerializer(many=True, read_only=True)

    class Meta:
        model = Warning
        fields = [
            "id",
            "rule",
            "rule_name",
            "citation",
            "subject",
            "subject_id",
            "part",
            "district",
            "enterprise",
            "project",
            "level",
            "level_display",
            "status",
            "evidence",
            "raised_at",
            "raised_on",
            "due_on",
            "escalated_at",
            "escalations",
            "cleared_at",
            "cleared_how",
            "note",
            "events",
        ]

    def get_rule_name(self, obj) -> str:
        spec = _spec(obj.rule)
        return str(spec.name) if spec else obj.rule

    def get_citation(self, obj) -> dict:
        spec = _spec(obj.rule)
        return spec.citation.as_dict() if spec else {}


class ColourSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    colour = serializers.ChoiceField(choices=["yellow", "orange", "red"], allow_null=True)


class RiskSerializer(serializers.Serializer):
    on = serializers.DateField()
    projects = ColourSerializer(many=True)
    enterprises = ColourSerializer(many=True)
