from rest_framework import serializers

from ..models import Inspector, SpotCheckResult


class InspectorSerializer(serializers.ModelSerializer):
    district = serializers.CharField(source="district.code")
    kind_display = serializers.CharField(source="get_kind_display")
    phone = serializers.CharField(source="masked_phone")

    class Meta:
        model = Inspector
        fields = [
            "id",
            "name",
            "kind",
            "kind_display",
            "district",
            "certificate_number",
            "certificate_expires_on",
            "grid_area",
            "phone",
            "active",
        ]


class SpotCheckSerializer(serializers.ModelSerializer):
    """A published result as the public page shows it (no personal data of workers)."""

    enterprise = serializers.CharField(source="target.enterprise.name")
    credit_code = serializers.CharField(source="target.enterprise.credit_code")
    district = serializers.CharField(source="target.enterprise.district.code")
    plan = serializers.CharField(source="target.draw.batch.plan.name")
    year = serializers.IntegerField(source="target.draw.batch.plan.year")
    batch = serializers.IntegerField(source="target.draw.batch.number")
    draw = serializers.IntegerField(source="target.draw_id")
    items = serializers.SlugRelatedField(many=True, read_only=True, slug_field="matter")
    inspectors = serializers.SerializerMethodField()
    outcome_display = serializers.CharField(source="get_outcome_display")

    class Meta:
        model = SpotCheckResult
        fields = [
            "id",
            "enterprise",
            "credit_code",
            "district",
            "plan",
            "year",
            "batch",
            "draw",
            "items",
            "inspectors",
            "outcome",
            "outcome_display",
            "findings",
            "checked_on",
            "published_at",
        ]

    def get_inspectors(self, obj) -> list[str]:
        return [i.name for i in obj.target.inspectors.all()]
